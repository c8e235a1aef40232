"""What the tests take as this arch's own: the name of its console fixture (tests/qemu/conftest.py
makes one per arch) and the triggers its `trap` lists (tests/qemu/test_shell_common.py)."""

# The fixture that gives a booted cortex-m guest (mps2-an385) at its prompt.
CONSOLE_FIXTURE = "cm"

# The triggers `trap` lists (kernel/cortex-m/traps.c): each must be there.
TRAP_TRIGGERS = ("undef", "div0", "unaligned", "bus", "xn", "forced", "svc", "svc-psp", "nmi",
                 "preempt", "tailchain")
