"""The arm32 ISR spec (QEMU virt, Cortex-A15, AArch32): which handler runs on
which VBAR word or GIC interrupt, and in which style.

The shell runs in SYS mode; each vector enters its own mode (UND, SVC, ABT,
IRQ, FIQ) with its own stack. An `abi` handler is the compiler's
interrupt(KIND) function, with the kind that the vector needs (isr.h's
ISR_ABI_* macros): the IRQ and FIQ entries are two such functions with the
same body, which acknowledge the GIC and call the INTID's handler below.
fiq=True puts an interrupt in GIC group 0, which arrives at the FIQ entry;
every FIQ interrupt outranks every IRQ one, so FIQ preempts IRQ, never the
reverse.
"""
from isr.spec import exception, interrupt, irq

VECTORS = [
    exception("UNDEF", "on_undefined", style="abi"),          # interrupt("UNDEF")
    exception("SVC", "on_svc", style="abi"),                  # interrupt("SWI")
    exception("PABT", "on_prefetch_abort", style="stub"),     # re-executes: the stub frame lets it recover
    exception("DABT", "on_data_abort", style="abi"),          # interrupt("ABORT")
    exception("IRQ", "gic_irq", style="abi"),                 # interrupt("IRQ")
    exception("FIQ", "gic_fiq", style="abi"),                 # interrupt("FIQ"): banked r8-r12
    # GIC interrupts, dispatched by gic_irq (group 1) and gic_fiq (group 0).
    irq(30, "on_timer_tick", style="stub", priority=0xa0),    # PL1 physical timer PPI, 100 Hz
    irq(27, "on_vtimer_fiq", style="stub", fiq=True, priority=0x40),   # virtual timer, one-shot
    irq(33, "on_uart_rx", style="stub", priority=0xa0),       # PL011 UART0, SPI 1
    interrupt(0, "on_sgi", style="stub", priority=0xc0),
    interrupt(1, "on_sgi_slow", style="stub", priority=0xc0),            # waits for a FIQ to nest in it
    interrupt(2, "sgi_naked_entry", style="naked", priority=0xc0),
    interrupt(3, "on_sgi_fiq", style="stub", fiq=True, priority=0x40),
    interrupt(4, "on_sgi_fiq_slow", style="stub", fiq=True, priority=0x40),   # IRQs wait until it ends
    # Bench vectors (reports/cost.py): SGIs through the real path, the VBAR word,
    # the abi entry of their group (gic_irq or gic_fiq), acknowledge, handler,
    # end. The same handlers on IRQ and on FIQ: only the entry's convention
    # differs, and FIQ's banked r8-r12 save words. `bench N` sends each with
    # GICC_PMR one step above its priority, inside a measured window.
    interrupt(5, "bench_stub", style="stub", priority=0x80, bench="counter"),
    interrupt(6, "bench_naked", style="naked", priority=0x80, bench="counter"),
    interrupt(7, "bench_stub_call", style="stub", priority=0x80, bench="call"),
    interrupt(8, "bench_stub", style="stub", fiq=True, priority=0x00, bench="counter"),
    interrupt(9, "bench_naked", style="naked", fiq=True, priority=0x00, bench="counter"),
    interrupt(10, "bench_stub_call", style="stub", fiq=True, priority=0x00, bench="call"),
]
