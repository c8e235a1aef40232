"""Emit gen/isr.h for MSP430: the stub frame and one exact prototype per spec handler."""
from isr.c_layout import handler_prototypes, info_declarations, offset_asserts, struct


def prototype(slot, arch):
    """The C declaration that a handler of this slot must match."""
    if slot.style == "abi":
        # The attribute on the declaration carries over to the definition; a
        # definition with parameters is an error under -Werror=ignored-attributes.
        return f"ISR_ABI({slot.vector}) void {slot.handler}(void);"
    if slot.style == "naked":
        return f"void {slot.handler}(void);  /* assembly entry: the CPU jumps here, never call it */"
    return f"void {slot.handler}(struct trap_frame *frame);"


def _describe(slot, arch):
    name, note = arch.VECTORS[slot.vector]
    return (f"/* vector {slot.vector} {name} (0x{arch.TABLE_BASE + 2 * slot.vector:04X}), {slot.style}, "
            f"{slot.where}: {note}. */")


def emit(slots, arch, banner):
    out = [banner, "#ifndef ISR_H", "#define ISR_H", "", "#include <stddef.h>", "#include <stdint.h>", "",
           "/* clang's MSP430 interrupt calling convention: saves what the body uses, returns with RETI. */",
           "#define ISR_ABI(n) __attribute__((interrupt(n)))", "",
           "/* What a generated stub pushes (r15 first, the vector last) above what the CPU pushed",
           "   (PC, then SR), lowest address first. A handler may edit sr: RETI restores it, so",
           "   clearing the low-power bits there wakes the code the interrupt stopped. */"]
    out += struct("trap_frame", arch.TRAP_FRAME, word="uint16_t")
    out += offset_asserts("trap_frame", arch.TRAP_FRAME, word_size=2)
    out += [""] + info_declarations(arch, slots) + [
        f"#define ISR_TABLE_BASE 0x{arch.TABLE_BASE:X}",
        f"#define ISR_RESET_VECTOR {arch.RESET}",
        "", "/* Bounds placed by gen/keep.ld around the table (linker/msp430.ld puts it at ISR_TABLE_BASE). */",
        "extern const uint16_t __isr_table_start[], __isr_table_end[];",
        "", "/* Handlers named by the spec. */"]
    out += handler_prototypes(slots, lambda slot: prototype(slot, arch), lambda slot: _describe(slot, arch), arch)
    out += ["", "/* Every vector the spec leaves out reaches this through isr_default_N. */",
            "void isr_default_handler(struct trap_frame *frame);", "", "#endif", ""]
    return "\n".join(out)
