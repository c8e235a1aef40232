"""The Cortex-M ISR spec (mps2-an385): which handler runs on which exception, and in which style.

`abi` here is an ordinary AAPCS function: the hardware already saved the
caller-saved registers. `stub` gives the C handler the full frame (r4-r11 and
which stack). Priorities: 0 is the highest; faults sit above every IRQ so
that an IRQ handler that faults is not escalated to HardFault, and TIMER1
sits above TIMER0 so that it preempts it (`trap preempt`).
"""
from isr.spec import exception, irq

VECTORS = [
    exception("Reset", "reset_entry", style="naked"),               # boot/cortex-m/entry.S
    exception("NMI", "on_nmi", style="abi"),
    exception("HardFault", "on_hard_fault", style="stub"),
    exception("MemManage", "on_mem_manage", style="stub", priority=0x00),
    exception("BusFault", "on_bus_fault", style="stub", priority=0x00),
    exception("UsageFault", "on_usage_fault", style="abi", priority=0x00),
    exception("SVCall", "on_svc", style="stub", priority=0x20),
    exception("SysTick", "on_systick", style="abi", priority=0x60),
    irq(0, "on_uart0_rx", style="stub", priority=0x80),            # CMSDK UART0 receive
    irq(8, "on_timer0", style="abi", priority=0xc0),               # pended by software: low priority
    irq(9, "on_timer1", style="stub", priority=0x40),              # pended by software: preempts TIMER0
    irq(10, "on_dualtimer", style="abi", priority=0xa0),           # equal priorities: tail-chained
    irq(11, "on_irq11", style="stub", priority=0xa0),
    # Bench vectors (reports/cost.py): one minimal handler per style, and the
    # same through a function call; `bench N` pends each with BASEPRI masking
    # everything at and below priority 0x40, inside a measured window.
    irq(24, "bench_abi", style="abi", priority=0x20, bench="counter"),
    irq(25, "bench_stub", style="stub", priority=0x20, bench="counter"),
    irq(26, "bench_naked", style="naked", priority=0x20, bench="counter"),
    irq(27, "bench_abi_call", style="abi", priority=0x20, bench="call"),
    irq(28, "bench_stub_call", style="stub", priority=0x20, bench="call"),
]
