"""The riscv64 ISR spec: which handler runs on which mcause, and in which style.

Exceptions are named by the arch model (isr/arch_riscv64/): "illegal",
"breakpoint", "load-fault", ... ; irq(n) binds interrupt cause n (7 = the
CLINT timer, 11 = the PLIC's machine external interrupt, 3 = the CLINT's
machine software interrupt). Styles are mixed so that each one runs on an
exception and on an interrupt.
"""
from isr.spec import exception, irq

VECTORS = [
    exception("illegal", "on_illegal_instruction", style="stub"),
    exception("breakpoint", "on_breakpoint", style="abi"),
    exception("load-misaligned", "on_load_misaligned", style="stub"),
    exception("load-fault", "on_load_fault", style="stub"),
    exception("store-misaligned", "on_store_misaligned", style="abi"),
    exception("store-fault", "on_store_fault", style="abi"),
    exception("insn-fault", "on_insn_fault", style="stub"),
    exception("ecall-u", "on_user_ecall", style="stub"),
    exception("ecall-m", "on_machine_ecall", style="abi"),
    irq(1, "on_supervisor_soft", style="stub"),
    irq(3, "machine_soft_naked_entry", style="naked"),
    irq(7, "on_machine_timer", style="abi"),
    irq(11, "on_machine_external", style="stub"),
    # The bench vector (reports/cost.py): software can make causes 1, 5 and 9
    # pending with csrs mip, and 3 through the CLINT's msip; 1, 3 and 5 serve `int` above, so one
    # vector: reports/cost.py rebinds it to the other styles and to the
    # "calls a function" variant in variant kernels.
    irq(9, "bench_abi", style="abi", bench="counter"),
]
