"""What the tests take as this arch's own: the name of its console fixture (tests/qemu/conftest.py
makes one per arch) and the triggers its `trap` lists (tests/qemu/test_shell_common.py)."""

# The fixture that gives a booted riscv64 guest (virt, M-mode) at its prompt.
CONSOLE_FIXTURE = "rv"

# The triggers `trap` lists (kernel/riscv64/traps.c): each must be there.
TRAP_TRIGGERS = ("ecall", "ebreak", "illegal", "load-fault", "store-fault", "fetch-fault",
                 "load-misaligned", "amo-misaligned", "user-ecall", "user-csr", "user-mem")
