"""Emit gen/isr_stubs.S for Cortex-M: the `stub` entries, the weak defaults, the priorities, the storm guards.

A stub gives its C handler the full frame: r4-r11 (which the hardware does
not stack), the exception number, a pointer to the hardware frame on the
stack that EXC_RETURN bit 2 names (0: MSP, 1: PSP; ARMv7-M ARM B1.5.8), and
EXC_RETURN itself. Handler mode always runs on MSP, so the stub pushes there.

Exceptions the spec leaves out get a weak alias isr_default_N for the shared
isr_default_entry, which reads the exception number from IPSR: a C file may
override any of them by defining the strong symbol.

The entries carry unwind information (CFI, in .debug_frame): GDB's `bt` from
a C handler unwinds the stub to lr = EXC_RETURN, where its own M-profile
exception unwinder reads the hardware frame and goes on into the
interrupted code.
"""

from isr.guard import guarded

CFI_ENTRY = ["    .cfi_startproc", "    .cfi_def_cfa sp, 0"]     # lr holds EXC_RETURN, untouched


def _function(name):
    return [f"    .globl {name}", f"    .type {name}, %function", "    .thumb_func", f"{name}:"]


def _common():
    """Entered with r0 = exception number, r3 = the C handler, lr = EXC_RETURN."""
    return _function("isr_trap_common") + CFI_ENTRY + [
        "    tst lr, #4               /* EXC_RETURN bit 2: hardware frame on PSP (1) or MSP (0) */",
        "    ite eq",
        "    mrseq r1, msp",
        "    mrsne r1, psp",
        "    sub sp, #4               /* pad: keeps SP 8-byte aligned at the call (AAPCS) */",
        "    .cfi_def_cfa_offset 4",
        "    push {r0, r1, lr}        /* vector, frame, exc_return */",
        "    .cfi_def_cfa_offset 16",
        "    .cfi_offset lr, -8",
        "    push {r4-r11}",
        "    .cfi_def_cfa_offset 48"] + [f"    .cfi_offset r{4 + i}, {-48 + 4 * i}" for i in range(8)] + [
        "    mov r0, sp               /* the trap frame is the C handler's argument */",
        "    blx r3",
        "    pop {r4-r11}",
        "    add sp, #8               /* drop vector and frame */",
        "    ldr lr, [sp], #8         /* EXC_RETURN, and drop the pad */",
        "    bx lr                    /* exception return: the hardware unstacks its frame */",
        "    .cfi_endproc",
        "    .size isr_trap_common, . - isr_trap_common"]


def _enter(handler):
    """r3 = handler (MOVW/MOVT relocations carry the Thumb bit), then the common path."""
    return [f"    movw r3, #:lower16:{handler}", f"    movt r3, #:upper16:{handler}", "    b isr_trap_common",
            "    .cfi_endproc"]


def _guards(slots, arch):
    """isr/guard.py: the hardware stacked r0-r3, r12, lr, pc and xPSR on entry
    (ARMv7-M ARM B1.5.6) and unstacks them at the exception return, so the guard
    may use r0 and r1 and the flags; it leaves sp and lr (EXC_RETURN) alone, so
    the entry behind it finds the exception as the hardware began it. At zero it
    calls storm_tripped with r0-r3, r12 and lr kept (24 bytes: sp stays 8-byte aligned)."""
    out = ["", "/* Storm guards (isr/guard.py): count the entry, then go on to it. */", '    .section .text.isr_guards, "ax"']
    for slot, guard in guarded(slots, arch):
        budget = f"storm_budget+{2 * slot.vector}"
        out += _function(guard) + [
            f"    movw r0, #:lower16:{budget}", f"    movt r0, #:upper16:{budget}",
            "    ldrh r1, [r0]", "    subs r1, #1", "    strh r1, [r0]",
            "    beq 1f", f"    b.w {slot.entry}",
            "1:  push {r0-r3, r12, lr}", f"    movs r0, #{slot.vector}", "    bl storm_tripped",
            "    pop {r0-r3, r12, lr}", f"    b.w {slot.entry}", f"    .size {guard}, . - {guard}"]
    return out


def emit(slots, arch, banner):
    out = [banner, "    .syntax unified", "    .thumb", "    .cfi_sections .debug_frame",
           '    .section .text.isr_stubs, "ax"', ""] + _common()
    for slot in slots:
        if slot.style != "stub":
            continue
        out += ["", f"/* exception {slot.vector} {slot.name} -> {slot.handler} ({slot.where}) */"]
        out += _function(slot.entry) + CFI_ENTRY + [f"    movs r0, #{slot.vector}"] + _enter(slot.handler)
        out += [f"    .size {slot.entry}, . - {slot.entry}"]
    out += ["", "/* Exceptions the spec leaves out: weak aliases of isr_default_entry. */"]
    out += _function("isr_default_entry") + CFI_ENTRY
    out += ["    mrs r0, ipsr             /* IPSR[8:0]: the exception being handled */",
            "    ubfx r0, r0, #0, #9"] + _enter("isr_default_handler")
    out += ["    .size isr_default_entry, . - isr_default_entry"]
    for slot in slots:
        if slot.style == "default":
            out += [f"    .weak {slot.entry}", f"    .type {slot.entry}, %function",
                    f"    .thumb_set {slot.entry}, isr_default_entry"]
    out += ["", "/* Priority per exception, from the spec; -1 where the architecture fixes it. */",
            '    .section .rodata.isr_priorities, "a"', "    .balign 2", "    .globl isr_priorities",
            "    .type isr_priorities, %object", "isr_priorities:", "    .short -1           /* 0 SP */"]
    for slot in slots:
        out.append(f"    .short {slot.option('priority', -1)}           /* {slot.vector} {slot.name} */")
    out += ["    .size isr_priorities, . - isr_priorities"]
    out += _guards(slots, arch) + [""]
    return "\n".join(out)
