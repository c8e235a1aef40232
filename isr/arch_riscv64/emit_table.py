"""Emit gen/isr_table.S: the mtvec jump slots, then the exception trampolines.

Vectored mode sends interrupt cause n to BASE + 4 * n, so slot n is a single
`j` to its entry; slot 0 receives every synchronous exception and jumps to the
dispatcher in gen/isr_stubs.S. The trampoline after the last exception
code serves vector 16 (interrupt cause 0), the only other thing that
reaches BASE, and any exception code past 15. The dispatcher parks t0 in mscratch to find
the cause; trampoline n puts t0 back and jumps to exception n's entry, so an
`abi` or `naked` exception handler sees every register as the trap left it.
The whole table is one unwind entry (CFI) as isr_stubs.S describes a trap
entry: sp and every register as interrupted, the PC in mepc.
"""
from isr.arch_riscv64.emit_stubs import cfi_trap_entry
from isr.guard import table_target


def emit(slots, arch, banner):
    out = [banner, "    .cfi_sections .debug_frame", '    .section .isr_table, "ax"', "    .option push",
           "    .option norvc               /* every slot exactly 4 bytes: no compressed jumps */",
           f"    .balign {arch.TABLE_ALIGN}"] + cfi_trap_entry() + [
           "    /* slot 0: synchronous exceptions (interrupt cause 0 is reserved) */",
           "    j isr_exception_dispatch"]
    by_vector = {slot.vector: slot for slot in slots}
    for cause in range(1, arch.INTERRUPT_CAUSES):
        slot = by_vector[arch.IRQ_BASE + cause]
        out += [f"    /* slot {cause}: vector {slot.vector} {slot.name}, {slot.style} -> {slot.handler} */",
                f"    j {table_target(slot, arch)}"]
    out += ["", "    /* Exception trampolines, one per exception code, reached from isr_exception_dispatch. */"]
    for code in range(arch.EXCEPTION_CAUSES + 1):
        slot = by_vector[code]
        what = "anything else at BASE: interrupt cause 0, codes past 15" if code == arch.IRQ_BASE else slot.name
        out += [f"    /* vector {code} {what}, {slot.style} -> {slot.handler} */",
                f"    .globl isr_trampoline_{code}",
                f"isr_trampoline_{code}:",
                "    csrr t0, mscratch",
                f"    j {table_target(slot, arch)}"]
    out += ["    .cfi_endproc", "    .option pop", ""]
    return "\n".join(out)
