"""What the tests take as this arch's own: the name of its console fixture (tests/qemu/conftest.py
makes one per arch), the triggers its `trap` lists (tests/qemu/test_shell_common.py) and the
vectors only `int` raises (tests/facts.py free_software_vectors)."""

from isr.arch_cortex_m import IRQ_BASE, VECTOR_COUNT    # the package imports this module last

# The fixture that gives a booted cortex-m guest (mps2-an385) at its prompt.
CONSOLE_FIXTURE = "cm"

# The triggers `trap` lists (kernel/cortex-m/traps.c): each must be there.
TRAP_TRIGGERS = ("undef", "div0", "unaligned", "bus", "xn", "forced", "svc", "svc-psp", "nmi",
                 "preempt", "tailchain")

# The tick left unacknowledged (tests/qemu/test_storms.py): (the tick's vector, a spec
# binding of it to on_storm, on_storm's C source, which does nothing), or why no such
# handler storms here. The storm guard masks the tick, and `sleep` must say so.
TICK_STORM = ("SysTick's pending bit clears as the exception is taken (ARMv7-M B1.5): an empty handler "
              "runs once a period")

# The vectors that only the shell's `int N` raises (kernel/cortex-m/softint.c):
# PendSV (14), which only ICSR.PENDSVSET pends, and the external interrupts
# (16-47), pended through NVIC_STIR: nvic_init enables only the lines the spec
# binds, so no device raises one the spec leaves out. `int` also pends NMI and
# SysTick and runs an svc, but the NMI pin, the SysTick timer and every svc
# instruction raise those too.
RAISED_ONLY_BY_INT = frozenset({14}) | frozenset(range(IRQ_BASE, VECTOR_COUNT))
