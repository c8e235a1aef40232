"""The aarch64 ISR spec: which handler runs on which VBAR_EL1 entry or GIC interrupt.

The kernel runs at EL1 on SP_EL1, so its own exceptions arrive at the EL1H
entries. EL1H_IRQ goes to the GIC dispatcher, which acknowledges the GIC and
calls the handler this list gives the INTID; interrupt(N) binds SGI N (what
`int 16+N` raises), irq(N) a PPI or SPI. The timer and UART outrank the SGIs
(lower priority value), so a slow SGI handler that unmasks IRQs is preempted
by the timer. There is no `abi` style on AArch64: no compiler has an
interrupt attribute for it.
"""
from isr.spec import exception, interrupt, irq

VECTORS = [
    # Synchronous exceptions taken while SP_EL0 is selected: only `trap sp0` does that.
    exception("EL1T_SYNC", "sp0_sync_entry", style="naked"),
    exception("EL1H_SYNC", "on_sync", style="stub"),
    exception("EL1H_IRQ", "gic_dispatch", style="stub"),
    # GIC interrupts, dispatched by gic_dispatch.
    irq(30, "on_timer_tick", style="stub", priority=0x80),      # EL1 physical timer PPI
    irq(33, "on_uart_rx", style="stub", priority=0x80),         # PL011 UART0, SPI 1
    interrupt(0, "on_sgi", style="stub", priority=0xa0),
    interrupt(1, "on_sgi_slow", style="stub", priority=0xa0),   # unmasks IRQs: the timer nests in it
    interrupt(2, "sgi_naked_entry", style="naked", priority=0xa0),
    # Bench vectors (reports/cost.py): one minimal handler per style (no `abi`
    # here), and the same through a function call; `bench N` sends each SGI
    # with GICC_PMR masking the timer and UART, inside a measured window.
    interrupt(3, "bench_stub", style="stub", priority=0x40, bench="counter"),
    interrupt(4, "bench_naked", style="naked", priority=0x40, bench="counter"),
    interrupt(5, "bench_stub_call", style="stub", priority=0x40, bench="call"),
]
