"""What the tests take as this arch's own: the name of its console fixture (tests/qemu/conftest.py
makes one per arch), the triggers its `trap` lists (tests/qemu/test_shell_common.py) and the
vectors only `int` raises (tests/facts.py free_software_vectors)."""

from isr.arch_x86_64 import IRQ_BASE, IRQ_LINES, VECTOR_COUNT    # the package imports this module last

# The fixture that gives a booted x86_64 guest (microvm) at its prompt.
CONSOLE_FIXTURE = "x86"

# The triggers `trap` lists (kernel/x86_64/traps.c): each must be there.
TRAP_TRIGGERS = ("de", "db", "bp", "ud", "nm", "df", "gp", "pf", "pf-nx")

# The tick left unacknowledged (tests/qemu/test_storms.py): (the tick's vector, a spec
# binding of it to on_storm, on_storm's C source, which does nothing), or why no such
# handler storms here. The storm guard masks the tick, and `sleep` must say so.
TICK_STORM = ("the PIT's IRQ 0 is an edge into the 8259, and a handler without an EOI leaves it in "
              "service: the PIC raises it no more, so the clock stops with no storm to mask")

# The vectors that only the shell's `int N` raises (kernel/x86_64/softint.c runs
# `int $N` from kernel/x86_64/swint.S): 48-255, which no exception and no PIC line
# uses. `int` also takes the exceptions that push no error code and the PIC's
# IRQ 0-15 (32-47), but the CPU and the PIC raise those too (the 8259 a spurious
# IRQ 7 or 15 even while the line is masked).
RAISED_ONLY_BY_INT = frozenset(range(IRQ_BASE + IRQ_LINES, VECTOR_COUNT))
