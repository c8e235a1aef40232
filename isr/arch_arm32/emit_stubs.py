"""Emit gen/isr_stubs.S: the `stub` and default entries of VBAR, the storm guards, and the default INTID handler.

A stub runs in its vector's mode on that mode's stack. It stores r0-r12, the
USR/SYS bank's SP and LR (STM with ^, B9.3.6), the preferred return address
(LR minus the vector's offset), SPSR and its vector (struct trap_frame in
gen/isr.h), calls the C handler with a pointer to that frame, restores SPSR
and the registers from it (the handler may change pc: step past an
instruction, go to the recovery point) and returns with `movs pc, lr`,
which also copies SPSR to CPSR (B9.3.20).

Every entry carries unwind information (CFI, in .debug_frame) so that GDB's
`bt` from a C handler walks through the stub into the interrupted code: the
PC column is the return column, restored from the frame's pc, and SP and LR
from the USR/SYS bank's copies, where the shell runs (SYS mode).
"""

from isr import gicv2
from isr.guard import guarded

PC_COLUMN = 15          # DWARF for the Arm Architecture: r15 is the PC


def _save_restore(arch):
    frame = {name: 4 * i for i, name in enumerate(arch.TRAP_FRAME)}
    size = 4 * len(arch.TRAP_FRAME)
    save = [".macro ISR_SAVE vector, offset",
            "    sub lr, lr, #\\offset     /* the preferred return address */",
            f"    sub sp, sp, #{size}",
            f"    .cfi_def_cfa_offset {size}",
            "    stmia sp, {r0-r12}"] + [f"    .cfi_offset r{i}, {frame[f'r{i}'] - size}" for i in range(13)] + [
            f"    add r0, sp, #{frame['sp_usr']}",
            "    stmia r0, {sp, lr}^          /* ^: the USR/SYS bank's SP and LR */",
            f"    .cfi_offset sp, {frame['sp_usr'] - size}",
            f"    .cfi_offset lr, {frame['lr_usr'] - size}",
            f"    str lr, [sp, #{frame['pc']}]",
            f"    .cfi_offset {PC_COLUMN}, {frame['pc'] - size}",
            "    mrs r0, spsr",
            f"    str r0, [sp, #{frame['spsr']}]",
            "    mov r0, #\\vector",
            f"    str r0, [sp, #{frame['vector']}]",
            ".endm"]
    restore = [".macro ISR_RESTORE",
               f"    ldr r0, [sp, #{frame['spsr']}]",
               "    msr spsr_cxsf, r0",
               f"    ldr lr, [sp, #{frame['pc']}]",
               "    ldmia sp, {r0-r12}",
               f"    add sp, sp, #{size}",
               ".endm"]
    return save + restore


def _entry(name, vector, offset, target, comment):
    return ["", comment, f"    .globl {name}", f"    .type {name}, %function", f"{name}:",
            "    .cfi_startproc", "    .cfi_signal_frame", f"    .cfi_return_column {PC_COLUMN}",
            "    .cfi_def_cfa sp, 0",
            f"    ISR_SAVE {vector}, {offset}",
            "    mov r0, sp               /* the trap frame is the C handler's argument */",
            f"    bl {target}",
            "    ISR_RESTORE",
            "    movs pc, lr              /* to frame->pc, CPSR = SPSR */",
            "    .cfi_endproc",
            f"    .size {name}, . - {name}"]


def _guards(slots, arch):
    """isr/guard.py: r0 and r1 pushed on the mode's own stack, a 16-bit
    decrement, both popped (POP sets no flag), then a B to the entry, which finds
    the registers, SP and LR of its mode as the exception left them; the flags it
    changes are CPSR's, which the return restores from SPSR. At zero:
    storm_tripped with r0-r3, r12 and LR kept (24 bytes: SP stays 8-byte aligned)."""
    out = ["", "/* Storm guards (isr/guard.py): count the entry, then go on to it. */", '    .section .text.isr_guards, "ax"']
    for slot, guard in guarded(slots, arch):
        budget = f"storm_budget+{2 * slot.vector}"
        out += [f"    .globl {guard}", f"    .type {guard}, %function", f"{guard}:",
                "    push {r0, r1}", f"    movw r0, #:lower16:{budget}", f"    movt r0, #:upper16:{budget}",
                "    ldrh r1, [r0]", "    subs r1, r1, #1", "    strh r1, [r0]", "    pop {r0, r1}",
                f"    bne {slot.entry}",
                "    push {r0-r3, r12, lr}", f"    mov r0, #{slot.vector}", "    bl storm_tripped",
                "    pop {r0-r3, r12, lr}", f"    b {slot.entry}", f"    .size {guard}, . - {guard}"]
    return out


def emit(slots, arch, banner):
    out = [banner, "    .arm", "    .cfi_sections .debug_frame", '    .section .text.isr_stubs, "ax"']
    out += _save_restore(arch)
    vbar = slots[:arch.VBAR_ENTRIES]
    for slot in vbar:
        if slot.style == "stub":
            out += _entry(slot.entry, slot.vector, arch.LR_OFFSET[slot.vector], slot.handler,
                          f"/* vector {slot.vector} {slot.name} -> {slot.handler} ({slot.where}) */")
    for slot in vbar:
        if slot.style == "default":
            out += _entry(slot.entry, slot.vector, arch.LR_OFFSET[slot.vector], "isr_default_handler",
                          f"/* vector {slot.vector} {slot.name}: left out by the spec */")
    out += ["", "/* Every INTID the spec leaves out: the IRQ/FIQ entry calls this with r0 = struct gic_irq *. */",
            "    .globl isr_default_intid", "    .type isr_default_intid, %function", "isr_default_intid:",
            "    b isr_default_gic", "    .size isr_default_intid, . - isr_default_intid"]
    out += _guards(slots, arch)
    out += gicv2.guarded_intids(slots, arch)
    return "\n".join(out) + "\n"
