"""What the tests call x86_64 by (tests/qemu/conftest.py makes one console fixture per arch)."""

# The fixture that gives a booted x86_64 guest (microvm) at its prompt.
CONSOLE_FIXTURE = "x86"
