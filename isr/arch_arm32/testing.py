"""What the tests call arm32 by (tests/qemu/conftest.py makes one console fixture per arch)."""

# The fixture that gives a booted arm32 guest (virt, Cortex-A15, AArch32) at its prompt.
CONSOLE_FIXTURE = "a32"
