"""The AVR ISR spec (ATmega2560 on QEMU's mega2560): which handler runs on which vector.

Vectors are named as avr-libc names them, without _vect (or by number). On
QEMU 7.2 only TIMER1 (16-20), USART0 (25-27) and TIMER3 (31-32) can fire
here: the arch model (isr/arch_avr/) refuses the rest with the reason.
`abi` is avr-gcc's `signal` function (avr-libc ISR()); nonblocking=True makes
it the `interrupt` kind (ISR_NOBLOCK), which re-enables interrupts first, so
the tick can nest inside the slow TIMER3 handler.
"""
from isr.spec import irq

VECTORS = [
    irq("TIMER1_COMPA", "on_tick", style="abi"),                      # the 100 Hz tick
    irq("TIMER1_COMPB", "on_timer1_compb", style="stub"),             # `int 18`
    irq("USART0_RX", "on_usart0_rx", style="stub"),                   # typed bytes
    irq("USART0_UDRE", "usart0_udre_entry", style="naked"),           # `int 26`: UDRIE
    irq("USART0_TX", "on_usart0_tx", style="abi"),                    # `int 27`: TXCIE
    irq("TIMER3_COMPA", "on_timer3_slow", style="abi", nonblocking=True),   # `int 32`: the tick nests
    # The bench vector (reports/cost.py): the one source `bench` can raise that
    # nothing else uses; the other styles and shapes are measured in variant
    # kernels that rebind it (reports/variants.py).
    irq("TIMER1_COMPC", "bench_abi", style="abi", bench="counter"),
]
