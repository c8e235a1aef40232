"""What the tests take as this arch's own: the name of its console fixture (tests/qemu/conftest.py
makes one per arch) and the triggers its `trap` lists (tests/qemu/test_shell_common.py)."""

# The fixture that gives a booted aarch64 guest (virt, Cortex-A57, EL1) at its prompt.
CONSOLE_FIXTURE = "a64"

# The triggers `trap` lists (kernel/aarch64/traps.c): each must be there.
TRAP_TRIGGERS = ("svc", "brk", "dabt", "dabt-write", "iabt", "und", "sp0")
