"""What the tests take as this arch's own: the name of its console fixture (tests/qemu/conftest.py
makes one per arch) and the triggers its `trap` lists (tests/qemu/test_shell_common.py)."""

# The fixture that gives a booted avr guest (QEMU mega2560) at its prompt.
CONSOLE_FIXTURE = "avr"

# The triggers `trap` lists (kernel/avr/traps.c): each must be there.
TRAP_TRIGGERS = ("nest",)
