"""Emit gen/isr_stubs.S: the `stub` entries and the default entries of VBAR_EL1.

A stub stores x0-x30, ELR_EL1, SPSR_EL1, ESR_EL1, FAR_EL1 and its vector
below the interrupted SP (the layout of struct trap_frame in gen/isr.h),
calls the C handler with a pointer to that frame, restores ELR_EL1 and
SPSR_EL1 from it (the handler may change them: resume past a BRK, go to the
recovery point) and the registers, and returns with ERET.

Every entry carries unwind information (CFI, in .debug_frame) so that GDB's
`bt` from a C handler walks through the stub into the interrupted code. The
interrupted PC is ELR_EL1, not x30, so the stubs name the PC's own DWARF
column as their return-address column and restore it from the saved ELR:
x30 keeps its own rule, and an interrupted leaf function still unwinds.
"""

PC_COLUMN = 32          # DWARF for the Arm 64-bit Architecture: register 32 is PC


def _save_restore(arch):
    frame = {name: 8 * i for i, name in enumerate(arch.TRAP_FRAME)}
    size = 8 * len(arch.TRAP_FRAME)
    regs = arch.GENERAL_REGISTERS
    pairs = [(regs[i], regs[i + 1]) for i in range(0, len(regs) - 1, 2)]
    save = [".macro ISR_SAVE vector", f"    sub sp, sp, #{size}", f"    .cfi_def_cfa_offset {size}"]
    save += [f"    stp {a}, {b}, [sp, #{frame[a]}]; .cfi_offset {a}, {frame[a] - size}; "
             f".cfi_offset {b}, {frame[b] - size}" for a, b in pairs]
    save += [f"    str x30, [sp, #{frame['x30']}]; .cfi_offset x30, {frame['x30'] - size}",
             "    mrs x0, elr_el1",
             "    mrs x1, spsr_el1",
             f"    stp x0, x1, [sp, #{frame['elr']}]",
             f"    .cfi_offset {PC_COLUMN}, {frame['elr'] - size}",
             "    mrs x0, esr_el1",
             "    mrs x1, far_el1",
             f"    stp x0, x1, [sp, #{frame['esr']}]",
             "    mov x0, #\\vector",
             f"    str x0, [sp, #{frame['vector']}]",
             ".endm"]
    restore = [".macro ISR_RESTORE",
               f"    ldp x0, x1, [sp, #{frame['elr']}]",
               "    msr elr_el1, x0",
               "    msr spsr_el1, x1"]
    restore += [f"    ldp {a}, {b}, [sp, #{frame[a]}]" for a, b in pairs]
    restore += [f"    ldr x30, [sp, #{frame['x30']}]", f"    add sp, sp, #{size}", ".endm"]
    return save + restore


def _entry(name, vector, target, comment):
    return ["", comment, f"    .globl {name}", f"    .type {name}, %function", f"{name}:",
            "    .cfi_startproc", "    .cfi_signal_frame", f"    .cfi_return_column {PC_COLUMN}",
            "    .cfi_def_cfa sp, 0",
            f"    ISR_SAVE {vector}",
            "    mov x0, sp               /* the trap frame is the C handler's argument */",
            f"    bl {target}",
            "    ISR_RESTORE",
            "    eret",
            "    .cfi_endproc",
            f"    .size {name}, . - {name}"]


def emit(slots, arch, banner):
    out = [banner, "    .cfi_sections .debug_frame", '    .section .text.isr_stubs, "ax"'] + _save_restore(arch)
    vbar = slots[:arch.VBAR_ENTRIES]
    for slot in vbar:
        if slot.style == "stub":
            out += _entry(slot.entry, slot.vector, slot.handler,
                          f"/* vector {slot.vector} {slot.name} -> {slot.handler} ({slot.where}) */")
    for slot in vbar:
        if slot.style == "default":
            out += _entry(slot.entry, slot.vector, "isr_default_handler",
                          f"/* vector {slot.vector} {slot.name}: left out by the spec */")
    return "\n".join(out) + "\n"
