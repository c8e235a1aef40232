"""Emit gen/isr_stubs.S: the exception dispatcher, the `stub` entries, the default entries.

A stub lowers sp by the frame size, saves x1-x31 (sp as it was before),
mepc, mcause, mtval, mstatus and its vector, calls the C handler with the
frame, writes mepc and mstatus back (so the handler can step past an
instruction or send the hart to a recovery point) and returns with mret.
"""


def _macros(arch):
    saved = [r for r in arch.REGISTERS if r not in ("sp", "t0")]
    out = [".macro ISR_SAVE        /* t0 saved and holding the vector */",
           f"    sd t0, {arch.offset('vector')}(sp)"]
    out += [f"    sd {reg}, {arch.offset(reg)}(sp)" for reg in saved]
    out += [f"    addi t0, sp, {arch.FRAME_SIZE}", f"    sd t0, {arch.offset('sp')}(sp)     /* the interrupted sp */"]
    for csr in arch.CSRS:
        out += [f"    csrr t0, {csr}", f"    sd t0, {arch.offset(csr)}(sp)"]
    out += [".endm", ".macro ISR_RESTORE_MRET"]
    for csr in ("mepc", "mstatus"):
        out += [f"    ld t0, {arch.offset(csr)}(sp)", f"    csrw {csr}, t0"]
    out += [f"    ld {reg}, {arch.offset(reg)}(sp)" for reg in ["t0"] + saved]
    out += [f"    ld sp, {arch.offset('sp')}(sp)", "    mret", ".endm"]
    return out


def _function(name):
    return [f"    .globl {name}", f"    .type {name}, @function", f"{name}:"]


def _enter(arch, vector):
    return [f"    addi sp, sp, -{arch.FRAME_SIZE}",
            f"    sd t0, {arch.offset('t0')}(sp)",
            f"    li t0, {vector}"]


def _call_and_return(target):
    return ["    ISR_SAVE", "    mv a0, sp                   /* the trap frame is the C handler's argument */",
            f"    call {target}", "    ISR_RESTORE_MRET"]


def _dispatcher(arch):
    out = ["/* Table slot 0 jumps here for every synchronous exception. One register is",
           "   free (t0, parked in mscratch), so the exception code is found by counting",
           "   down to zero; each hit jumps to its trampoline, which restores t0. */"]
    out += _function("isr_exception_dispatch")
    out += ["    csrw mscratch, t0", "    csrr t0, mcause"]
    for code in range(arch.EXCEPTION_CAUSES):
        out += ["    bnez t0, 1f", f"    j isr_trampoline_{code}", "1:  addi t0, t0, -1"]
    out += ["    /* interrupt cause 0 (the interrupt bit is set) or a code past 15 */",
            f"    j isr_trampoline_{arch.IRQ_BASE}",
            "    .size isr_exception_dispatch, . - isr_exception_dispatch"]
    return out


def emit(slots, arch, banner):
    out = [banner, '    .section .text.isr_stubs, "ax"'] + _macros(arch) + [""] + _dispatcher(arch)
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
            out += ["    j isr_default_common", f"    .size {slot.entry}, . - {slot.entry}"]
    out += [""] + _function("isr_default_common") + _call_and_return("isr_default_handler")
    out += ["    .size isr_default_common, . - isr_default_common", ""]
    return "\n".join(out)
