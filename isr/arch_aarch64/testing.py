"""What the tests call aarch64 by (tests/qemu/conftest.py makes one console fixture per arch)."""

# The fixture that gives a booted aarch64 guest (virt, Cortex-A57, EL1) at its prompt.
CONSOLE_FIXTURE = "a64"
