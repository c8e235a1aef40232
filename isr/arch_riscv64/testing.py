"""What the tests call riscv64 by (tests/qemu/conftest.py makes one console fixture per arch)."""

# The fixture that gives a booted riscv64 guest (virt, M-mode) at its prompt.
CONSOLE_FIXTURE = "rv"
