"""What the tests take as this arch's own: the name of its console fixture (tests/qemu/conftest.py
makes one per arch) and the triggers its `trap` lists (tests/qemu/test_shell_common.py)."""

# The fixture that gives a booted arm32 guest (virt, Cortex-A15, AArch32) at its prompt.
CONSOLE_FIXTURE = "a32"

# The triggers `trap` lists (kernel/arm32/traps.c): each must be there.
TRAP_TRIGGERS = ("svc", "undef", "vfp", "dabt", "dabt-write", "align", "pabt", "bkpt")
