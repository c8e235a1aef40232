"""The MSP430 ISR spec (msp430f1611 under mspdebug's simulator): which handler runs on which vector.

Vectors are clang's interrupt(N) numbers, 48-62 on this part (63 is RESET,
which boot/msp430/entry.S owns), or the msp430mcu header's names. A handler
that must wake `main` from a low-power mode has to clear the low-power bits
in the SR that the CPU saved: clang gives an `abi` handler no way to reach
it, so the tick and the input mailbox are `stub`s, and PORT2 is `naked`.
"""
from isr.spec import interrupt

VECTORS = [
    interrupt("TIMERA0", "on_timer_a0", style="stub"),        # the 100 Hz tick: wakes main
    interrupt("TIMERA1", "on_timer_a1", style="abi"),         # Timer_A CCR1 (`trap ccr1`), named by TAIV
    interrupt("WDT", "on_watchdog", style="abi"),             # interval timer: counts, never wakes
    interrupt("USART0RX", "on_mailbox_rx", style="stub"),     # raised by the launcher after it fills the mailbox
    interrupt("PORT1", "on_port1", style="abi"),              # P1 pin edges
    interrupt("PORT2", "on_port2", style="naked"),            # P2 pin edges: kernel/msp430/port2_entry.S
    interrupt("NMI", "on_nmi", style="abi"),                  # NMIIFG (non-maskable)
    # Bench vectors (reports/cost.py): the same minimal handler in each style, and
    # the same through a function call, on devices the simulator does not model;
    # `bench N` raises each with the tracer, GIE clear, and EINT lets it in.
    interrupt("USART1TX", "bench_abi", style="abi", bench="counter"),
    interrupt("USART1RX", "bench_stub", style="stub", bench="counter"),
    interrupt("COMPARATORA", "bench_naked", style="naked", bench="counter"),
    interrupt("TIMERB1", "bench_abi_call", style="abi", bench="call"),
    interrupt("TIMERB0", "bench_stub_call", style="stub", bench="call"),
]
