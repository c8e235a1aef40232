"""The x86_64 ISR spec: which handler runs on which vector, and in which style.

Styles are mixed on purpose so that both `abi` (the compiler's interrupt
calling convention) and `stub` (generated full-save entry) run on the same
kinds of vectors: exceptions with and without an error code, IRQs and
software interrupts. Change a style here and gen/isr.h changes the handler's
prototype, so the C definition no longer compiles until it matches.
"""
from isr.spec import exception, interrupt, irq

VECTORS = [
    # Exceptions without an error code.
    exception("#DE", "on_divide_error", style="stub"),
    exception("#DB", "on_debug", style="abi"),
    exception("NMI", "on_nmi", style="stub", ist=2),
    exception("#BP", "on_breakpoint", style="abi"),
    exception("#OF", "on_overflow", style="stub"),
    exception("#BR", "on_bound_range", style="abi"),
    exception("#UD", "on_invalid_opcode", style="stub"),
    exception("#NM", "on_device_not_available", style="abi"),
    exception("#MF", "on_x87_error", style="stub"),
    # Exceptions with an error code.
    exception("#DF", "on_double_fault", style="stub", ist=1),
    exception("#NP", "on_segment_not_present", style="stub"),
    exception("#SS", "on_stack_segment", style="abi"),
    exception("#GP", "on_general_protection", style="abi"),
    exception("#PF", "on_page_fault", style="stub"),
    # Hardware interrupts from the 8259 pair, remapped to vectors 32-47.
    irq(0, "on_pit_tick", style="abi"),
    irq(4, "on_com1", style="stub"),
    irq(7, "on_master_spurious", style="abi"),
    irq(15, "on_slave_spurious", style="stub"),
    # Software interrupts, one per style; 0x80 may be raised from ring 3, and is
    # a trap gate (interrupts stay enabled in the system call, as on i386 Linux).
    interrupt(0x41, "on_soft_abi", style="abi"),
    interrupt(0x42, "on_soft_stub", style="stub"),
    interrupt(0x43, "soft_naked_entry", style="naked"),
    interrupt(0x80, "on_syscall", style="stub", dpl=3, gate="trap"),
    # Bench vectors (reports/cost.py): one minimal handler per style, and the
    # same through a function call; `bench N` raises each in a measured window.
    interrupt(0x60, "bench_abi", style="abi", bench="counter"),
    interrupt(0x61, "bench_stub", style="stub", bench="counter"),
    interrupt(0x62, "bench_naked", style="naked", bench="counter"),
    interrupt(0x63, "bench_abi_call", style="abi", bench="call"),
    interrupt(0x64, "bench_stub_call", style="stub", bench="call"),
]
