#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image
# (Ubuntu or Debian): the project's own set-up installs QEMU, the compilers,
# bubblewrap and the venv, then builds the cost plugin.
set -euo pipefail
cd "${AUTOGRADER:-/autograder}/source"
apt-get update -qq
tools/setup
.venv/bin/python -m doit plugin
