"""Emit gen/isr_stubs.S: the exception dispatcher, the `stub` entries, the default entries, the storm guards.

A stub lowers sp by the frame size, saves x1-x31 (sp as it was before),
mepc, mcause, mtval, mstatus and its vector, calls the C handler with the
frame, writes mepc and mstatus back (so the handler can step past an
instruction or send the hart to a recovery point) and returns with mret.

Every entry carries unwind information (CFI, in .debug_frame) so that GDB's
`bt` from a C handler walks through the stub into the interrupted code. The
interrupted PC is mepc, not ra, so the stubs name mepc's DWARF column as their
return-address column: ra keeps its own rule and a leaf function that was
interrupted still unwinds through its live ra.
"""

from isr.guard import guarded

CSR_DWARF_BASE = 4096                  # RISC-V ELF psABI: DWARF number of CSR n is 4096 + n
MEPC_COLUMN = CSR_DWARF_BASE + 0x341
MSCRATCH_COLUMN = CSR_DWARF_BASE + 0x340


def cfi_trap_entry():
    """CFI at a point the hart jumped to with every register as the trap left it
    (mtvec slots, dispatcher, trampolines): sp is the interrupted sp, the
    interrupted PC is still in mepc."""
    return ["    .cfi_startproc", "    .cfi_signal_frame", f"    .cfi_return_column {MEPC_COLUMN}",
            "    .cfi_def_cfa sp, 0", f"    .cfi_same_value {MEPC_COLUMN}"]


def _macros(arch):
    saved = [r for r in arch.REGISTERS if r not in ("sp", "t0")]
    at = lambda name: arch.offset(name) - arch.FRAME_SIZE      # noqa: E731  (from the CFA)
    out = [".macro ISR_SAVE        /* t0 saved and holding the vector */",
           f"    sd t0, {arch.offset('vector')}(sp)"]
    out += [f"    sd {reg}, {arch.offset(reg)}(sp); .cfi_offset {reg}, {at(reg)}" for reg in saved]
    out += [f"    addi t0, sp, {arch.FRAME_SIZE}", f"    sd t0, {arch.offset('sp')}(sp)     /* the interrupted sp */"]
    for csr in arch.CSRS:
        out += [f"    csrr t0, {csr}", f"    sd t0, {arch.offset(csr)}(sp)"]
    out += [f"    .cfi_offset {MEPC_COLUMN}, {at('mepc')}"]
    out += [".endm", ".macro ISR_RESTORE_MRET"]
    for csr in ("mepc", "mstatus"):
        out += [f"    ld t0, {arch.offset(csr)}(sp)", f"    csrw {csr}, t0"]
    out += [f"    ld {reg}, {arch.offset(reg)}(sp)" for reg in ["t0"] + saved]
    out += [f"    ld sp, {arch.offset('sp')}(sp)", "    mret", ".endm"]
    return out


def _function(name):
    return [f"    .globl {name}", f"    .type {name}, @function", f"{name}:"]


def _enter(arch, vector):
    return cfi_trap_entry() + [
        f"    addi sp, sp, -{arch.FRAME_SIZE}",
        f"    .cfi_def_cfa_offset {arch.FRAME_SIZE}",
        f"    sd t0, {arch.offset('t0')}(sp)",
        f"    .cfi_offset t0, {arch.offset('t0') - arch.FRAME_SIZE}",
        f"    li t0, {vector}"]


def _entered_frame(arch):
    """CFI where _enter's instructions have run: the frame is allocated, t0 saved."""
    return cfi_trap_entry() + [f"    .cfi_def_cfa_offset {arch.FRAME_SIZE}",
                               f"    .cfi_offset t0, {arch.offset('t0') - arch.FRAME_SIZE}"]


def _call_and_return(target):
    return ["    ISR_SAVE", "    mv a0, sp                   /* the trap frame is the C handler's argument */",
            f"    call {target}", "    ISR_RESTORE_MRET", "    .cfi_endproc"]


def _dispatcher(arch):
    out = ["/* Table slot 0 jumps here for every synchronous exception. One register is",
           "   free (t0, parked in mscratch), so the exception code is found by counting",
           "   down to zero; each hit jumps to its trampoline, which restores t0. */"]
    out += _function("isr_exception_dispatch") + cfi_trap_entry()
    out += ["    csrw mscratch, t0", f"    .cfi_register t0, {MSCRATCH_COLUMN}", "    csrr t0, mcause"]
    for code in range(arch.EXCEPTION_CAUSES):
        out += ["    bnez t0, 1f", f"    j isr_trampoline_{code}", "1:  addi t0, t0, -1"]
    out += ["    /* interrupt cause 0 (the interrupt bit is set) or a code past 15 */",
            f"    j isr_trampoline_{arch.IRQ_BASE}", "    .cfi_endproc",
            "    .size isr_exception_dispatch, . - isr_exception_dispatch"]
    return out


def _guards(slots, arch):
    """isr/guard.py: two registers parked below sp (as a stub's frame is: RISC-V
    has no red zone, and a trap from U-mode lands on the task's stack here too),
    a 16-bit decrement, then every register back and a jump to the entry, which
    finds the hart as the trap left it. At zero, isr_storm_trip is called with
    the vector in t1 and its link in t0."""
    out = ["", "/* Storm guards (isr/guard.py): count the entry, then go on to it. */", '    .section .text.isr_guards, "ax"']
    for slot, guard in guarded(slots, arch):
        out += _function(guard) + cfi_trap_entry() + [
            "    addi sp, sp, -16", "    .cfi_def_cfa_offset 16",
            "    sd t0, 0(sp)", "    sd t1, 8(sp)",
            f"    lla t0, storm_budget+{2 * slot.vector}",
            "    lhu t1, 0(t0)", "    addi t1, t1, -1", "    sh t1, 0(t0)",
            "    bnez t1, 1f",
            f"    li t1, {slot.vector}", "    jal t0, isr_storm_trip",
            "1:  ld t1, 8(sp)", "    ld t0, 0(sp)",
            "    addi sp, sp, 16", "    .cfi_def_cfa_offset 0",
            f"    j {slot.entry}", "    .cfi_endproc", f"    .size {guard}, . - {guard}"]
    saved = ("ra", "t0", "t2", "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "t3", "t4", "t5", "t6")
    size = 8 * (len(saved) + 1)          # a multiple of 16: the psABI's stack alignment at a call
    out += ["", "/* t1 the vector, t0 the link: report the storm with every caller-saved register kept. */"]
    out += _function("isr_storm_trip") + [f"    addi sp, sp, -{size}"]
    out += [f"    sd {reg}, {8 * i}(sp)" for i, reg in enumerate(saved)]
    out += ["    mv a0, t1", "    call storm_tripped"]
    out += [f"    ld {reg}, {8 * i}(sp)" for i, reg in enumerate(saved)]
    out += [f"    addi sp, sp, {size}", "    jr t0", "    .size isr_storm_trip, . - isr_storm_trip"]
    return out


def emit(slots, arch, banner):
    out = [banner, "    .cfi_sections .debug_frame", '    .section .text.isr_stubs, "ax"']
    out += _macros(arch) + [""] + _dispatcher(arch)
    for slot in slots:
        if slot.style != "stub":
            continue
        out += ["", f"/* vector {slot.vector} {slot.name} -> {slot.handler} ({slot.where}) */"]
        out += _function(slot.entry) + _enter(arch, slot.vector) + _call_and_return(slot.handler)
        out += [f"    .size {slot.entry}, . - {slot.entry}"]
    out += ["", "/* Vectors the spec leaves out: report them through isr_default_handler. */"]
    for slot in slots:
        if slot.style == "default":
            out += _function(slot.entry) + _enter(arch, slot.vector)
            out += ["    j isr_default_common", "    .cfi_endproc", f"    .size {slot.entry}, . - {slot.entry}"]
    out += [""] + _function("isr_default_common") + _entered_frame(arch) + _call_and_return("isr_default_handler")
    out += ["    .size isr_default_common, . - isr_default_common"]
    out += _guards(slots, arch) + [""]
    return "\n".join(out)
