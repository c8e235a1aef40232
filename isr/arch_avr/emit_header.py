"""Emit gen/isr.h for the AVR: the stub frame and one exact declaration per spec handler.

An `abi` handler is avr-gcc's `signal` function (what avr-libc's ISR()
expands to): the compiler saves r0, r1, SREG and only the registers the body
uses, and returns with RETI. The declaration gives it its vector's assembler
name, __vector_N, so that the table's `jmp __vector_N` reaches it and the
compiler recognises it as a handler. `nonblocking=True` uses the `interrupt`
attribute instead (avr-libc ISR_NOBLOCK): the same, with `sei` first.
"""
from isr.c_layout import handler_prototypes, info_declarations, offset_asserts, struct


def prototype(slot, arch):
    if slot.style == "abi":
        kind = "ISR_NONBLOCKING" if slot.option("nonblocking") else "ISR_SIGNAL"
        return f'{kind} void {slot.handler}(void) __asm__("{slot.entry}");'
    if slot.style == "naked":
        return f"void {slot.handler}(void);  /* assembly entry: the CPU jumps here, never call it */"
    return f"void {slot.handler}(struct trap_frame *frame);"


def _describe(slot, arch):
    """What raises the vector, how the CPU enters it, and where the spec bound it."""
    source = arch.SOURCES[slot.vector]
    note = ", nonblocking (sei first)" if slot.option("nonblocking") else ""
    return (f"/* vector {slot.vector} {slot.name}: raised by {source.device}; the CPU pushed the return PC\n"
            f"   (3 bytes) and cleared SREG.I. {slot.style}{note}, {slot.where} */")


def emit(slots, arch, banner):
    out = [banner, "#ifndef ISR_H", "#define ISR_H", "", "#include <stddef.h>", "#include <stdint.h>", "",
           "/* avr-gcc's interrupt calling conventions (avr-libc <avr/interrupt.h>: ISR, ISR_NOBLOCK). */",
           "#define ISR_SIGNAL __attribute__((signal, used, externally_visible))",
           "#define ISR_NONBLOCKING __attribute__((interrupt, used, externally_visible))", "",
           "/* What a generated stub pushes and hands its C handler, lowest address first,",
           "   then the return PC the CPU pushed (3 bytes, high byte lowest). */"]
    out += struct("trap_frame", arch.TRAP_FRAME, word="uint8_t")
    out += offset_asserts("trap_frame", arch.TRAP_FRAME, word_size=1)
    out += ["", "/* isr_symbol.entry and the table hold word addresses, as AVR code pointers do. */"]
    out += info_declarations(arch, slots) + [
            "",
            "/* Bounds placed by gen/keep.ld around the table, which sits at flash address 0. */",
            "extern const uint8_t __isr_table_start[], __isr_table_end[];",
            "/* 1 where the spec made the abi handler nonblocking (gen/isr_stubs.S). */",
            "extern const uint8_t isr_nonblocking[ISR_VECTOR_COUNT];",
            "", "/* Handlers named by the spec. */"]
    out += handler_prototypes(slots, lambda slot: prototype(slot, arch), lambda slot: _describe(slot, arch), arch)
    out += ["", "/* Every vector the spec leaves out reaches this through its isr_default_N entry. */",
            "void isr_default_handler(struct trap_frame *frame);", "", "#endif", ""]
    return "\n".join(out)
