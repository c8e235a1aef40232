"""What the installed tools are, asked rather than assumed: versions and abilities.

Each question runs the tool once per process (cached). Tests that pin a
tool's behaviour read the version here and state the versions they saw it on;
reports say which versions produced their figures.
"""
import functools
import re
import shutil
import subprocess

NUMBER = re.compile(r"(\d+)\.(\d+)(?:\.(\d+))?")

# QEMU refuses a TCG plugin whose declared API version is below its minimum
# or above its current one. 7.2 accepts 0-1; 9.0 raised the minimum to 2 when
# it removed qemu_plugin_n_vcpus and qemu_plugin_n_max_vcpus; 10.0 accepts 2-4
# (measured on Debian 13's 10.0.13: 1 and 5 are refused, each with its reason).
PLUGIN_API_2_SINCE = (9, 0)


@functools.cache
def version_line(command):
    """The first line of `command --version` (mspdebug prints it on stdout), or
    None when the command is not installed or says nothing."""
    if shutil.which(command) is None:
        return None
    try:
        result = subprocess.run([command, "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    for line in (result.stdout + result.stderr).splitlines():
        if NUMBER.search(line):
            return line.strip()
    return None


def parse(line):
    """(major, minor, patch) of the first dotted number in a --version line:
    'QEMU emulator version 10.0.13 (Debian ...)', 'Debian clang version 19.1.7',
    'gcc (Debian 14.2.0-19) 14.2.0', 'avr-gcc (GCC) 5.4.0', 'MSPDebug version 0.25'."""
    found = NUMBER.search(line or "")
    if not found:
        return None
    return tuple(int(n) for n in found.groups(default="0"))


def version(command):
    """The installed command's version as a tuple, or None if it is not installed."""
    return parse(version_line(command))


def dotted(numbers):
    return ".".join(str(n) for n in numbers) if numbers else "not installed"


def qemu(binary="qemu-system-x86_64"):
    """QEMU's version (every qemu-system-* of one install has the same)."""
    return version(binary)


def plugin_api(qemu_version=None):
    """The TCG plugin API version tools/plugin/window.c declares for this QEMU."""
    qemu_version = qemu_version or qemu()
    if qemu_version is None:
        return None
    return 2 if qemu_version[:2] >= PLUGIN_API_2_SINCE else 1


def tool_name(command):
    """'clang', 'gcc', 'avr-gcc', 'QEMU', 'mspdebug' as a report names them."""
    return "QEMU" if command.startswith("qemu-system") else command


def describe(command):
    """'QEMU 10.0.13', 'clang 19.1.7', 'avr-gcc 5.4.0': for reports and messages."""
    return f"{tool_name(command)} {dotted(version(command))}"

