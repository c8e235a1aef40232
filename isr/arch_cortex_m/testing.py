"""What the tests call cortex-m by (tests/qemu/conftest.py makes one console fixture per arch)."""

# The fixture that gives a booted cortex-m guest (mps2-an385) at its prompt.
CONSOLE_FIXTURE = "cm"
