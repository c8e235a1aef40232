"""What the tests call msp430 by (tests/qemu/conftest.py makes one console fixture per arch)."""

# The fixture that gives a booted msp430 guest (MSP430F1611 under mspdebug's sim) at its prompt.
CONSOLE_FIXTURE = "msp"
