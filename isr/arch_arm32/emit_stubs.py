"""Emit gen/isr_stubs.S: the `stub` and default entries of VBAR, and the default INTID handler.

A stub runs in its vector's mode on that mode's stack. It stores r0-r12, the
USR/SYS bank's SP and LR (STM with ^, B9.3.6), the preferred return address
(LR minus the vector's offset), SPSR and its vector (struct trap_frame in
gen/isr.h), calls the C handler with a pointer to that frame, restores SPSR
and the registers from it (the handler may change pc: step past an
instruction, go to the recovery point) and returns with `movs pc, lr`,
which also copies SPSR to CPSR (B9.3.20).
"""


def _save_restore(arch):
    frame = {name: 4 * i for i, name in enumerate(arch.TRAP_FRAME)}
    size = 4 * len(arch.TRAP_FRAME)
    save = [".macro ISR_SAVE vector, offset",
            "    sub lr, lr, #\\offset     /* the preferred return address */",
            f"    sub sp, sp, #{size}",
            "    stmia sp, {r0-r12}",
            f"    add r0, sp, #{frame['sp_usr']}",
            "    stmia r0, {sp, lr}^          /* ^: the USR/SYS bank's SP and LR */",
            f"    str lr, [sp, #{frame['pc']}]",
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
            f"    ISR_SAVE {vector}, {offset}",
            "    mov r0, sp               /* the trap frame is the C handler's argument */",
            f"    bl {target}",
            "    ISR_RESTORE",
            "    movs pc, lr              /* to frame->pc, CPSR = SPSR */",
            f"    .size {name}, . - {name}"]


def emit(slots, arch, banner):
    out = [banner, "    .arm", '    .section .text.isr_stubs, "ax"'] + _save_restore(arch)
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
    return "\n".join(out) + "\n"
