"""Emit gen/isr_stubs.S for MSP430: the `stub` entries, the default entries and the storm guards.

A stub pushes r15 down to r4 and then the vector, and calls its C handler
with r12 (the first argument, MSP430 EABI) pointing at that frame; the CPU's
SR and PC lie just above it (gen/isr.h struct trap_frame). r4-r10 are
callee-saved in the EABI, so the C code keeps them, but the frame shows them
all. A default entry pushes r15, loads its vector into r15 and joins a common
path that builds the same frame around it.
"""


from isr.guard import guarded


def _function(name):
    return [f"    .globl {name}", f"    .type {name}, @function", f"{name}:"]


SAVE_R14_TO_R4 = [f"    push r{n}" for n in range(14, 3, -1)]
RESTORE = [f"    pop r{n}" for n in range(4, 16)]


def _call_and_return(handler):
    return ["    mov r1, r12              ; the trap frame is the C handler's argument",
            f"    call #{handler}",
            "    add #2, r1               ; drop the vector"] + RESTORE + [
            "    reti                     ; pops SR (as the handler left it) and PC"]


def _guards(slots, arch):
    """isr/guard.py: one SUB on the budget in memory and a branch: no register
    but SR's flags, which RETI restores from the CPU's frame, and not the stack,
    so the entry (a stub that edits the saved SR to wake main among them) finds
    the frame as the CPU left it. At zero: storm_tripped with r11-r15 kept
    (what the EABI lets a call clobber)."""
    out = ["", "; Storm guards (isr/guard.py): count the entry, then go on to it.", '    .section .text.isr_guards, "ax"', "    .balign 2"]
    scratch = ("r11", "r12", "r13", "r14", "r15")
    for slot, guard in guarded(slots, arch):
        out += _function(guard) + [
            f"    sub #1, &storm_budget+{2 * slot.vector}", "    jeq 1f", f"    br #{slot.entry}",
            "1:"] + [f"    push {reg}" for reg in scratch] + [
            f"    mov #{slot.vector}, r12", "    call #storm_tripped"] + [
            f"    pop {reg}" for reg in reversed(scratch)] + [
            f"    br #{slot.entry}", f"    .size {guard}, . - {guard}"]
    return out


def emit(slots, arch, banner):
    out = [banner, '    .section .text.isr_stubs, "ax"', "    .balign 2"]
    for slot in slots:
        if slot.style != "stub":
            continue
        out += ["", f"; vector {slot.vector} {slot.name} -> {slot.handler} ({slot.where})"]
        out += _function(slot.entry) + ["    push r15"] + SAVE_R14_TO_R4 + [f"    push #{slot.vector}"]
        out += _call_and_return(slot.handler) + [f"    .size {slot.entry}, . - {slot.entry}"]
    out += ["", "; Vectors the spec leaves out: r15 carries the vector into the common path."]
    for slot in slots:
        if slot.style == "default":
            out += _function(slot.entry) + ["    push r15", f"    mov #{slot.vector}, r15",
                                            "    br #isr_default_common", f"    .size {slot.entry}, . - {slot.entry}"]
    out += _function("isr_default_common") + SAVE_R14_TO_R4 + ["    push r15               ; the vector"]
    out += _call_and_return("isr_default_handler") + ["    .size isr_default_common, . - isr_default_common"]
    out += _guards(slots, arch) + [""]
    return "\n".join(out)
