"""What the tests take as this arch's own: the name of its console fixture (tests/qemu/conftest.py
makes one per arch) and the triggers its `trap` lists (tests/qemu/test_shell_common.py)."""

# The fixture that gives a booted msp430 guest (MSP430F1611 under mspdebug's sim) at its prompt.
CONSOLE_FIXTURE = "msp"

# The triggers `trap` lists (kernel/msp430/traps.c): each must be there.
TRAP_TRIGGERS = ("nmi-pin", "port1", "port2", "ccr1", "nest", "priority", "lpm", "reset", "illegal")
