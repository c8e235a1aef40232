"""Emit gen/isr.h for Cortex-M: the frame layouts and one exact prototype per spec handler."""
from isr.c_layout import handler_prototypes, info_declarations, offset_asserts, struct


def _struct(name, fields, types={}):
    return struct(name, fields, word="uint32_t", types=types)


def _offset_asserts(name, fields):
    return offset_asserts(name, fields, word_size=4)


def prototype(slot, arch):
    """The C declaration that a handler of this slot must match."""
    if slot.style == "abi":
        return f"void {slot.handler}(void);  /* plain AAPCS: the hardware saved r0-r3, r12, lr, pc, xPSR */"
    if slot.style == "naked":
        return f"void {slot.handler}(void);  /* assembly entry: the CPU jumps here, never call it */"
    return f"void {slot.handler}(struct trap_frame *frame);"


def _describe(slot):
    return f"/* exception {slot.vector} {slot.name}, {slot.style}, {slot.where} */"


def emit(slots, arch, banner):
    out = [banner, "#ifndef ISR_H", "#define ISR_H", "", "#include <stddef.h>", "#include <stdint.h>", "",
           "/* What the hardware stacks on exception entry, lowest address first (ARMv7-M ARM B1.5.6). */"]
    out += _struct("exception_frame", arch.EXCEPTION_FRAME)
    out += _offset_asserts("exception_frame", arch.EXCEPTION_FRAME)
    out += ["", "/* What a generated stub pushes and hands its C handler: r4-r11, the exception",
            "   number, the hardware frame (on MSP or PSP, as EXC_RETURN bit 2 says), EXC_RETURN. */"]
    out += _struct("trap_frame", arch.TRAP_FRAME, {"frame": "struct exception_frame *"})
    out += _offset_asserts("trap_frame", arch.TRAP_FRAME)
    out += ['_Static_assert(sizeof(struct trap_frame) % 8 == 0, "stub frame breaks AAPCS 8-byte SP alignment");',
            "",
            "/* isr_symbol.entry holds Thumb addresses (bit 0 set), as the table words do. */"]
    out += info_declarations(arch, slots) + [
            "",
            "/* Bounds placed by gen/keep.ld around the kept tables; the table is at address 0. */",
            "extern const uint32_t __isr_table_start[], __isr_table_end[];",
            "/* The spec's priority per exception (gen/isr_stubs.S); -1 where it is fixed. */",
            "extern const int16_t isr_priorities[ISR_VECTOR_COUNT];",
            "", "/* Handlers named by the spec. */"]
    out += handler_prototypes(slots, lambda slot: prototype(slot, arch), _describe, arch)
    out += ["", "/* Every exception the spec leaves out reaches this through isr_default_entry. */",
            "void isr_default_handler(struct trap_frame *frame);", "", "#endif", ""]
    return "\n".join(out)
