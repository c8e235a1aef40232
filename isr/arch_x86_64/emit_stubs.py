"""Emit gen/isr_stubs.S: the `stub` entries and the default entries.

A stub makes every vector look the same to C: it pushes a dummy error code
where the CPU pushes none, the vector number, then every general register, and
calls the handler with a pointer to that trap frame.
"""


def _save_restore(arch):
    pushes = [f"    pushq %{reg}" for reg in reversed(arch.STUB_REGISTERS)]
    pops = [f"    popq %{reg}" for reg in arch.STUB_REGISTERS]
    return ([".macro ISR_SAVE"] + pushes + [".endm", ".macro ISR_RESTORE"] + pops + [".endm"])


def _header(slot):
    if slot.error_code:
        return [f"    /* the CPU pushed an error code for {slot.name} */"]
    return ["    pushq $0                 /* no CPU error code: a dummy keeps one frame layout */"]


def _function(name):
    return [f"    .globl {name}", f"    .type {name}, @function", f"{name}:"]


def _call_and_return(target):
    return ["    ISR_SAVE",
            "    movq %rsp, %rdi          /* the trap frame is the C handler's argument */",
            "    cld                      /* SysV ABI: DF is clear at every call */",
            f"    call {target}",
            "    ISR_RESTORE",
            "    addq $16, %rsp           /* drop the vector and error code */",
            "    iretq"]


def emit(slots, arch, banner):
    out = [banner, '    .section .text.isr_stubs, "ax"', "    .code64"] + _save_restore(arch)
    for slot in slots:
        if slot.style != "stub":
            continue
        out += ["", f"/* vector {slot.vector} {slot.name} -> {slot.handler} ({slot.where}) */"]
        out += _function(slot.entry) + _header(slot) + [f"    pushq ${slot.vector}"]
        out += _call_and_return(slot.handler) + [f"    .size {slot.entry}, . - {slot.entry}"]
    out += ["", "/* Vectors the spec leaves out: report them through isr_default_handler. */"]
    for slot in slots:
        if slot.style != "default":
            continue
        out += _function(slot.entry) + _header(slot)
        out += [f"    pushq ${slot.vector}", "    jmp isr_default_common", f"    .size {slot.entry}, . - {slot.entry}"]
    out += [""] + _function("isr_default_common") + _call_and_return("isr_default_handler")
    out += ["    .size isr_default_common, . - isr_default_common", ""]
    return "\n".join(out)
