"""Validate a spec and write build/<arch>/gen/, each file atomically and only when it changed.

Usage: python3 -m isr.generate ARCH SPEC OUT_DIR [--no-keep]
"""
import os
import sys
import tempfile
from pathlib import Path

from isr import isolated
from isr.render import render  # noqa: F401 (tests and tools render in their own process)
from isr.validate import SpecError

OUTPUTS = ("isr.h", "isr_table.S", "isr_stubs.S", "isr_info.c", "keep.ld", "manifest.json")


def write_if_changed(path, text):
    """Replace path with text through a temporary file and a rename; skip if equal."""
    path = Path(path)
    if path.exists() and path.read_text() == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
    return True


def generate(arch_name, spec_path, out_dir, keep=True):
    """Write the generated files; return the names whose content changed. The
    spec runs in a child Python (isr/isolated.py), so whatever it does, the
    build fails unless every file was rendered, and nothing is written then."""
    files = isolated.render(arch_name, spec_path, keep)
    return [name for name, text in files.items() if write_if_changed(Path(out_dir) / name, text)]


def main(argv):
    if len(argv) not in (3, 4) or (len(argv) == 4 and argv[3] != "--no-keep"):
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    try:
        generate(argv[0], argv[1], argv[2], keep=len(argv) == 3)
    except SpecError as error:
        print(f"ISR spec rejected:\n{error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
