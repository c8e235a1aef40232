"""What the tests take as this arch's own: the name of its console fixture (tests/qemu/conftest.py
makes one per arch), the triggers its `trap` lists (tests/qemu/test_shell_common.py) and the
vectors only `int` raises (tests/facts.py free_software_vectors)."""

# The fixture that gives a booted avr guest (QEMU mega2560) at its prompt.
CONSOLE_FIXTURE = "avr"

# The triggers `trap` lists (kernel/avr/traps.c): each must be there.
TRAP_TRIGGERS = ("nest",)

# The tick left unacknowledged (tests/qemu/test_storms.py): (the tick's vector, a spec
# binding of it to on_storm, on_storm's C source, which does nothing), or why no such
# handler storms here. The storm guard masks the tick, and `sleep` must say so.
TICK_STORM = ("TIMER1's OCF1A clears as its vector is taken (datasheet 17.11): an empty handler "
              "runs once a period")

# The vectors that only the shell's `int N` raises (kernel/avr/softint.c): the AVR
# has no software interrupt, so `int` makes the device raise it, and on QEMU 7.2
# only these five can be: TIMER1_COMPB (18), USART0_UDRE (26) and USART0_TX (27),
# TIMER3_CAPT (31) and TIMER3_COMPA (32). The kernel keeps their enable bits
# clear but for that (kernel/avr/system.c).
RAISED_ONLY_BY_INT = frozenset({18, 26, 27, 31, 32})
