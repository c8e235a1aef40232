"""What the tests take as this arch's own: the name of its console fixture (tests/qemu/conftest.py
makes one per arch), the triggers its `trap` lists (tests/qemu/test_shell_common.py) and the
vectors only `int` raises (tests/facts.py free_software_vectors)."""

from isr.arch_arm32 import IRQ_BASE, SGI_COUNT    # the package imports this module last

# The fixture that gives a booted arm32 guest (virt, Cortex-A15, AArch32) at its prompt.
CONSOLE_FIXTURE = "a32"

# The triggers `trap` lists (kernel/arm32/traps.c): each must be there.
TRAP_TRIGGERS = ("svc", "undef", "vfp", "dabt", "dabt-write", "align", "pabt", "bkpt")

# The tick left unacknowledged (tests/qemu/test_storms.py): (the tick's vector, a spec
# binding of it to on_storm, on_storm's C source, which does nothing), or why no such
# handler storms here. The storm guard masks the tick, and `sleep` must say so.
# The PL1 physical timer's PPI 30 is a level, high until CNTP_TVAL is written again: an
# empty handler is taken again after gic_irq's EOI, until the guard disables INTID 30.
TICK_STORM = (38, 'irq(30, "on_storm", style="stub", priority=0xa0),',
              '#include "isr.h"\n\nvoid on_storm(const struct gic_irq *irq)\n{\n    (void)irq;\n}\n')

# The vectors that only the shell's `int N` raises (kernel/arm32/softint.c): the
# GIC's SGIs, INTIDs 0-15 (vectors 8-23), which software raises through
# GICD_SGIR. `int` also enters the IRQ and FIQ words, but the GIC's interrupts
# come in through those too.
RAISED_ONLY_BY_INT = frozenset(range(IRQ_BASE, IRQ_BASE + SGI_COUNT))
