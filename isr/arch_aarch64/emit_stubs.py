"""Emit gen/isr_stubs.S: the `stub` entries, the default entries and the storm guards of VBAR_EL1.

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

from isr import gicv2
from isr.guard import guarded

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


def _guards(slots, arch):
    """isr/guard.py: x0 and x1 pushed on SP_EL1 (the CPU selects it on every
    entry), a 16-bit decrement, both popped, then a B to the entry, which finds
    the registers and SP as the exception left them; the flags it changes are
    PSTATE's, which ERET restores from SPSR_EL1. At zero, isr_storm_trip with
    the vector in x0 (x30 kept across the call)."""
    out = ["", "/* Storm guards (isr/guard.py): count the entry, then go on to it. */", '    .section .text.isr_guards, "ax"']
    for slot, guard in guarded(slots, arch):
        budget = f"storm_budget+{2 * slot.vector}"
        out += [f"    .globl {guard}", f"    .type {guard}, %function", f"{guard}:",
                "    stp x0, x1, [sp, #-16]!", f"    adrp x0, {budget}", f"    add x0, x0, :lo12:{budget}",
                "    ldrh w1, [x0]", "    subs w1, w1, #1", "    strh w1, [x0]", "    b.ne 1f",
                "    str x30, [sp, #-16]!", f"    mov x0, #{slot.vector}", "    bl isr_storm_trip",
                "    ldr x30, [sp], #16",
                "1:  ldp x0, x1, [sp], #16", f"    b {slot.entry}", f"    .size {guard}, . - {guard}"]
    out += ["", "/* x0 the vector (x0, x1, x30 kept by the guard): report the storm, x2-x18 and x29 kept. */",
            "    .type isr_storm_trip, %function", "isr_storm_trip:", "    sub sp, sp, #160"]
    pairs = [(f"x{n}", f"x{n + 1}") for n in range(2, 18, 2)] + [("x18", "x29")]
    out += [f"    stp {a}, {b}, [sp, #{16 * i}]" for i, (a, b) in enumerate(pairs)]
    out += ["    str x30, [sp, #144]          /* this call's own link */", "    bl storm_tripped",
            "    ldr x30, [sp, #144]"]
    out += [f"    ldp {a}, {b}, [sp, #{16 * i}]" for i, (a, b) in enumerate(pairs)]
    out += ["    add sp, sp, #160", "    ret", "    .size isr_storm_trip, . - isr_storm_trip"]
    return out


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
    out += _guards(slots, arch)
    out += gicv2.guarded_intids(slots, arch)
    return "\n".join(out) + "\n"
