"""What the tests take as this arch's own: the name of its console fixture (tests/qemu/conftest.py
makes one per arch) and the triggers its `trap` lists (tests/qemu/test_shell_common.py)."""

# The fixture that gives a booted x86_64 guest (microvm) at its prompt.
CONSOLE_FIXTURE = "x86"

# The triggers `trap` lists (kernel/x86_64/traps.c): each must be there.
TRAP_TRIGGERS = ("de", "db", "bp", "ud", "nm", "df", "gp", "pf", "pf-nx")
