"""What the tests take as this arch's own: the name of its console fixture (tests/qemu/conftest.py
makes one per arch), the triggers its `trap` lists (tests/qemu/test_shell_common.py) and the
vectors only `int` raises (tests/facts.py free_software_vectors)."""

from isr.arch_riscv64 import IRQ_BASE    # the package imports this module last

# The fixture that gives a booted riscv64 guest (virt, M-mode) at its prompt.
CONSOLE_FIXTURE = "rv"

# The triggers `trap` lists (kernel/riscv64/traps.c): each must be there.
TRAP_TRIGGERS = ("ecall", "ebreak", "illegal", "load-fault", "store-fault", "fetch-fault",
                 "load-misaligned", "amo-misaligned", "user-ecall", "user-csr", "user-mem")

# The tick left unacknowledged (tests/qemu/test_storms.py): (the tick's vector, a spec
# binding of it to on_storm, on_storm's C source, which does nothing), or why no such
# handler storms here. The storm guard masks the tick, and `sleep` must say so.
# MTIP is a level, high while mtime >= mtimecmp: an empty handler is taken again at
# once, until the guard clears mie.MTIE.
TICK_STORM = (23, 'irq(7, "on_storm", style="abi"),', '#include "isr.h"\n\nISR_ABI void on_storm(void)\n{\n}\n')

# The vectors that only the shell's `int N` raises (kernel/riscv64/irq.c arch_cmd_int):
# SSI (17), STI (21) and SEI (25), whose mip bits M-mode software may set
# (privileged spec 3.1.9), and MSI (19), through the CLINT's msip. This kernel
# runs nothing in S-mode and gives the PLIC's sources to M-mode only
# (kernel/riscv64/plic.c), so nothing else sets them; MTI and MEI come from the
# CLINT's timer and the PLIC, and `int` refuses them.
RAISED_ONLY_BY_INT = frozenset(IRQ_BASE + cause for cause in (1, 3, 5, 9))
