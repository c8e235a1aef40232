"""What the tests call avr by (tests/qemu/conftest.py makes one console fixture per arch)."""

# The fixture that gives a booted avr guest (QEMU mega2560) at its prompt.
CONSOLE_FIXTURE = "avr"
