"""Emit gen/isr.h: the stub frame layout and one exact prototype per spec handler."""
from isr.c_layout import handler_prototypes, info_declarations, offset_asserts


def prototype(slot, arch):
    """The C declaration that a handler of this slot must match."""
    if slot.style == "abi":
        return f"ISR_ABI void {slot.handler}(void);"
    if slot.style == "naked":
        return f"void {slot.handler}(void);  /* assembly entry: the hart jumps here, never call it */"
    return f"void {slot.handler}(struct trap_frame *frame);"


def _describe(slot):
    return f"/* vector {slot.vector} {slot.name}, {slot.style}, {slot.where} */"


def _frame(arch):
    out = ["/* What a generated stub saves below the interrupted sp and hands its C handler:",
           "   x1-x31, the trap CSRs (written back before mret, so a handler may change",
           "   mepc and mstatus) and the vector. */",
           "struct trap_frame {"]
    out += [f"    uint64_t {field};" for field in arch.TRAP_FRAME]
    out += ["};"]
    out += offset_asserts("trap_frame", arch.TRAP_FRAME)
    out += [f'_Static_assert(sizeof(struct trap_frame) <= {arch.FRAME_SIZE} && {arch.FRAME_SIZE} % 16 == 0, '
            '"the stub frame keeps sp 16-byte aligned (psABI)");']
    return out


def emit(slots, arch, banner):
    out = [banner, "#ifndef ISR_H", "#define ISR_H", "", "#include <stddef.h>", "#include <stdint.h>", ""]
    out += _frame(arch)
    out += ["",
            f"#define ISR_EXCEPTION_CAUSES {arch.EXCEPTION_CAUSES}",
            f"#define ISR_INTERRUPT_CAUSES {arch.INTERRUPT_CAUSES}",
            f"#define ISR_SLOT_SIZE {arch.SLOT_SIZE}        /* mtvec vectored: cause n at BASE + 4 * n */",
            f"#define ISR_TRAMPOLINE_SIZE {arch.TRAMPOLINE_SIZE}  /* csrr t0, mscratch; j entry */",
            f"#define ISR_TABLE_SIZE {arch.TABLE_SIZE}",
            '#define ISR_ABI __attribute__((interrupt("machine")))',
            "",
            "/* Bounds placed by gen/keep.ld around the kept table. */",
            "extern const uint32_t __isr_table_start[], __isr_table_end[];", ""]
    out += info_declarations(arch, slots) + ["", "/* Handlers named by the spec. */"]
    out += handler_prototypes(slots, lambda slot: prototype(slot, arch), _describe, arch)
    out += ["", "/* Every vector the spec leaves out, and any mcause past the table, reaches this. */",
            "void isr_default_handler(struct trap_frame *frame);", "", "#endif", ""]
    return "\n".join(out)
