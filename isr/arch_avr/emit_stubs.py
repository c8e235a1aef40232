"""Emit gen/isr_stubs.S for the AVR: one entry per stub or default vector, the
shared save path, the spec's nonblocking flags, and the storm guards.

Nothing on the AVR tells a handler which vector it is, so every `stub` and
every unbound vector gets its own 7-instruction entry: it frees r29-r31,
loads the vector into r29 and the C function's word address into Z, and
jumps to isr_trap_common. None of push, ldi and jmp touches SREG, so
isr_trap_common still reads the interrupted code's flags.

isr_trap_common saves r28-r0, SREG, RAMPZ, EIND and the vector (the frame of
gen/isr.h, lowest address first, since the AVR pushes with post-decrement),
sets up what avr-gcc's ABI assumes (r1 = 0; EIND = 0 for EICALL), and calls
the C function with the frame in r25:r24. It restores everything from the
frame, so a handler may rewrite any register or the return PC, and returns
with RETI, which sets SREG.I again.
"""
from isr.guard import guarded

SREG, RAMPZ, EIND, SPL, SPH = 0x3f, 0x3b, 0x3c, 0x3d, 0x3e   # I/O addresses (datasheet 33, register summary)


def _function(name):
    return [f"    .global {name}", f"    .type {name}, @function", f"{name}:"]


def _common(arch):
    out = _function("isr_trap_common")
    out += [f"    push r{n}" for n in range(28, -1, -1)]
    out += [f"    in r0, 0x{SREG:02x}             /* SREG, as the interrupted code left it (I is clear) */",
            "    push r0",
            f"    in r0, 0x{RAMPZ:02x}             /* RAMPZ: ELPM and SPM's high address byte */",
            "    push r0",
            f"    in r0, 0x{EIND:02x}             /* EIND: EICALL and EIJMP's high address byte */",
            "    push r0",
            "    push r29                 /* the vector: the frame is complete, SP + 1 points at it */",
            "    clr r1                   /* avr-gcc keeps 0 in r1 */",
            f"    out 0x{EIND:02x}, r1             /* EICALL jumps to EIND:Z: the kernel sits in the first 128 KiB */",
            f"    in r24, 0x{SPL:02x}",
            f"    in r25, 0x{SPH:02x}",
            "    adiw r24, 1              /* r25:r24 = the frame, the C handler's argument */",
            "    eicall",
            "    pop r0                   /* the vector */",
            "    pop r0",
            f"    out 0x{EIND:02x}, r0",
            "    pop r0",
            f"    out 0x{RAMPZ:02x}, r0",
            "    pop r0",
            f"    out 0x{SREG:02x}, r0             /* I stays clear until RETI */"]
    out += [f"    pop r{n}" for n in range(0, 32)]
    out += ["    reti", "    .size isr_trap_common, . - isr_trap_common"]
    return out


def _entry(slot, handler, arch):
    return _function(slot.entry) + [f"    push r{n[1:]}" for n in arch.STUB_ENTRY_PUSHES] + [
        f"    ldi r29, {slot.vector}",
        f"    ldi r30, lo8(gs({handler}))",
        f"    ldi r31, hi8(gs({handler}))",
        "    jmp isr_trap_common",
        f"    .size {slot.entry}, . - {slot.entry}"]


def _guards(slots, arch):
    """isr/guard.py: r24, SREG and r25 pushed, a 16-bit decrement (SBIW sets Z;
    STS changes no flag), all three popped, then a JMP to the entry, which finds
    the registers and SREG as the interrupt left them. At zero, isr_storm_trip
    with the vector in r24."""
    out = ["", "/* Storm guards (isr/guard.py): count the entry, then go on to it. */", '    .section .text.isr_guards, "ax", @progbits', "    .balign 2"]
    for slot, guard in guarded(slots, arch):
        budget = f"storm_budget+{2 * slot.vector}"
        out += _function(guard) + [
            "    push r24", f"    in r24, 0x{SREG:02x}", "    push r24", "    push r25",
            f"    lds r24, {budget}", f"    lds r25, {budget}+1", "    sbiw r24, 1",
            f"    sts {budget}+1, r25", f"    sts {budget}, r24",
            "    brne 1f", f"    ldi r24, {slot.vector}", "    call isr_storm_trip",
            "1:  pop r25", "    pop r24", f"    out 0x{SREG:02x}, r24", "    pop r24",
            f"    jmp {slot.entry}", f"    .size {guard}, . - {guard}"]
    clobbered = ("r0", "r1", "r18", "r19", "r20", "r21", "r22", "r23", "r26", "r27", "r30", "r31")
    out += ["", "/* r24 the vector (r24, r25 and SREG kept by the guard): report the storm with",
            "   every register avr-gcc lets a call clobber kept, RAMPZ and EIND too. */"]
    out += _function("isr_storm_trip") + [f"    push {reg}" for reg in clobbered]
    out += [f"    in r0, 0x{RAMPZ:02x}", "    push r0", f"    in r0, 0x{EIND:02x}", "    push r0",
            "    clr r1                   /* avr-gcc keeps 0 in r1 */", f"    out 0x{EIND:02x}, r1",
            "    clr r25                  /* the vector, an unsigned int in r25:r24 */",
            "    call storm_tripped",
            "    pop r0", f"    out 0x{EIND:02x}, r0", "    pop r0", f"    out 0x{RAMPZ:02x}, r0"]
    out += [f"    pop {reg}" for reg in reversed(clobbered)]
    out += ["    ret", "    .size isr_storm_trip, . - isr_storm_trip"]
    return out


def emit(slots, arch, banner):
    out = [banner, '    .section .text.isr_stubs, "ax", @progbits', ""] + _common(arch)
    for slot in slots:
        if slot.style == "stub":
            out += ["", f"/* vector {slot.vector} {slot.name} -> {slot.handler} ({slot.where}) */"]
            out += _entry(slot, slot.handler, arch)
    out += ["", "/* Vectors the spec leaves out: the same path to isr_default_handler. */"]
    for slot in slots:
        if slot.style == "default":
            out += _entry(slot, "isr_default_handler", arch)
    out += ["", "/* 1 where the spec made an abi handler nonblocking (sei first), per vector. */",
            '    .section .rodata.isr_nonblocking, "a", @progbits', "    .global isr_nonblocking",
            "    .type isr_nonblocking, @object", "isr_nonblocking:", "    .byte 0           /* 0 RESET */"]
    for slot in slots:
        out.append(f"    .byte {int(bool(slot.option('nonblocking')))}           /* {slot.vector} {slot.name} */")
    out += ["    .size isr_nonblocking, . - isr_nonblocking"]
    out += _guards(slots, arch) + [""]
    return "\n".join(out)
