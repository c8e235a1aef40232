"""What the tests take as this arch's own: the name of its console fixture (tests/qemu/conftest.py
makes one per arch), the triggers its `trap` lists (tests/qemu/test_shell_common.py) and the
vectors only `int` raises (tests/facts.py free_software_vectors)."""

from isr.arch_msp430 import BY_NAME, HANDLER_VECTORS    # the package imports this module last

# The fixture that gives a booted msp430 guest (MSP430F1611 under mspdebug's sim) at its prompt.
CONSOLE_FIXTURE = "msp"

# The triggers `trap` lists (kernel/msp430/traps.c): each must be there.
TRAP_TRIGGERS = ("nmi-pin", "port1", "port2", "ccr1", "nest", "priority", "lpm", "reset", "illegal")

# The tick left unacknowledged (tests/qemu/test_storms.py): (the tick's vector, a spec
# binding of it to on_storm, on_storm's C source, which does nothing), or why no such
# handler storms here. The storm guard masks the tick, and `sleep` must say so.
TICK_STORM = ("Timer_A's CCR0 CCIFG clears as TIMERA0 is taken (SLAU049 11.2.6): an empty handler "
              "runs once a period")

# The vectors that only the shell's `int N` raises (kernel/msp430/softint.c): every
# vector of the F1611 but RESET (48-62), raised by the simulator's tracer
# (`simio config tracer trigger`), but TIMERA0, which the simulator's Timer_A
# also raises (the tick); no other device of the simulator's raises one
# (tests/qemu/test_msp430_shell.py counts each such `int` once).
RAISED_ONLY_BY_INT = frozenset(HANDLER_VECTORS) - {BY_NAME["timera0"]}
