"""Emit gen/isr_stubs.S: the `stub` entries, the default entries and the storm guards.

A stub makes every vector look the same to C: it pushes a dummy error code
where the CPU pushes none, the vector number, then every general register, and
calls the handler with a pointer to that trap frame.

Every entry carries unwind information (CFI, in .debug_frame) that says where
the interrupted RIP and RSP lie in the CPU's frame, so GDB's `bt` from a C
handler walks through the stub into the interrupted code.
"""

from isr.guard import guarded

RIP_COLUMN = 16      # DWARF register number of RIP on x86_64 (SysV psABI, figure 3.36)


def _save_restore(arch):
    pushes = [f"    pushq %{reg}; .cfi_adjust_cfa_offset 8; .cfi_rel_offset %{reg}, 0"
              for reg in reversed(arch.STUB_REGISTERS)]
    pops = [f"    popq %{reg}; .cfi_adjust_cfa_offset -8; .cfi_restore %{reg}" for reg in arch.STUB_REGISTERS]
    return ([".macro ISR_SAVE"] + pushes + [".endm", ".macro ISR_RESTORE"] + pops + [".endm"])


def _cfi_frame(words_below_rip):
    """CFI at a point where words_below_rip words sit on the stack below the CPU's
    RIP, CS, RFLAGS, RSP, SS. The CFA is the address just past SS; the interrupted
    RIP and RSP are restored from the frame, and the frame is a signal frame, so
    GDB looks the interrupted RIP up as it is (a fault's RIP is the instruction
    itself, not a return address)."""
    return ["    .cfi_startproc",
            "    .cfi_signal_frame",
            f"    .cfi_def_cfa %rsp, {8 * (words_below_rip + 5)}",
            f"    .cfi_offset {RIP_COLUMN}, -40",
            "    .cfi_offset %rsp, -16"]


def _header(slot):
    if slot.error_code:
        return _cfi_frame(1) + [f"    /* the CPU pushed an error code for {slot.name} */"]
    return _cfi_frame(0) + ["    pushq $0                 /* no CPU error code: a dummy keeps one frame layout */",
                            "    .cfi_adjust_cfa_offset 8"]


def _function(name):
    return [f"    .globl {name}", f"    .type {name}, @function", f"{name}:"]


def _call_and_return(target):
    return ["    ISR_SAVE",
            "    movq %rsp, %rdi          /* the trap frame is the C handler's argument */",
            "    cld                      /* SysV ABI: DF is clear at every call */",
            f"    call {target}",
            "    ISR_RESTORE",
            "    addq $16, %rsp           /* drop the vector and error code */",
            "    .cfi_adjust_cfa_offset -16",
            "    iretq",
            "    .cfi_endproc"]


def _guards(slots, arch):
    """isr/guard.py: one 16-bit decrement in memory and a branch, which touch no
    register but RFLAGS (which IRETQ restores from the CPU's frame) and not the
    stack, so the entry behind it finds the frame as the CPU left it. At zero the
    guard pushes its entry and vector and goes to isr_storm_trip."""
    out = ["", "/* Storm guards (isr/guard.py): count the entry, then go on to it. */", '    .section .text.isr_guards, "ax"']
    for slot, guard in guarded(slots, arch):
        out += _function(guard) + _cfi_frame(1 if slot.error_code else 0) + [
            f"    decw storm_budget+{2 * slot.vector}(%rip)",
            "    jz 1f",
            f"    jmp {slot.entry}",
            "    .cfi_endproc",
            f"1:  pushq ${slot.entry}",
            f"    pushq ${slot.vector}",
            "    jmp isr_storm_trip",
            f"    .size {guard}, . - {guard}"]
    out += ["", "/* (%rsp) the vector, 8(%rsp) the entry: report the storm, then enter as the CPU would have. */"]
    out += _function("isr_storm_trip")
    scratch = ("rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11")   # what SysV lets a call clobber
    out += [f"    pushq %{reg}" for reg in scratch]
    out += [f"    movl {8 * len(scratch)}(%rsp), %edi",
            "    pushq %rbp",
            "    movq %rsp, %rbp",
            "    andq $-16, %rsp          /* SysV: 16-byte aligned at the call */",
            "    cld",
            "    call storm_tripped",
            "    movq %rbp, %rsp",
            "    popq %rbp"]
    out += [f"    popq %{reg}" for reg in reversed(scratch)]
    out += ["    addq $8, %rsp            /* drop the vector */",
            "    ret                      /* to the entry, with the stack as the CPU left it */",
            "    .size isr_storm_trip, . - isr_storm_trip"]
    return out


def emit(slots, arch, banner):
    out = [banner, "    .cfi_sections .debug_frame", '    .section .text.isr_stubs, "ax"', "    .code64"]
    out += _save_restore(arch)
    for slot in slots:
        if slot.style != "stub":
            continue
        out += ["", f"/* vector {slot.vector} {slot.name} -> {slot.handler} ({slot.where}) */"]
        out += _function(slot.entry) + _header(slot) + [f"    pushq ${slot.vector}", "    .cfi_adjust_cfa_offset 8"]
        out += _call_and_return(slot.handler) + [f"    .size {slot.entry}, . - {slot.entry}"]
    out += ["", "/* Vectors the spec leaves out: report them through isr_default_handler. */"]
    for slot in slots:
        if slot.style != "default":
            continue
        out += _function(slot.entry) + _header(slot)
        out += [f"    pushq ${slot.vector}", "    .cfi_adjust_cfa_offset 8", "    jmp isr_default_common",
                "    .cfi_endproc", f"    .size {slot.entry}, . - {slot.entry}"]
    out += [""] + _function("isr_default_common") + _cfi_frame(2) + _call_and_return("isr_default_handler")
    out += ["    .size isr_default_common, . - isr_default_common"]
    out += _guards(slots, arch) + [""]
    return "\n".join(out)
