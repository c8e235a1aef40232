"""Emit gen/isr.h: the frame layouts and one exact prototype per spec handler."""
from isr.c_layout import handler_prototypes, info_declarations, offset_asserts, struct


def prototype(slot, arch):
    """The C declaration that a handler of this slot must match."""
    if slot.style == "abi":
        extra = ", uint64_t error_code" if slot.error_code else ""
        return f"ISR_ABI void {slot.handler}(struct interrupt_frame *frame{extra});"
    if slot.style == "naked":
        return f"void {slot.handler}(void);  /* assembly entry: the CPU jumps here, never call it */"
    return f"void {slot.handler}(struct trap_frame *frame);"


def _describe(slot):
    shape = "the CPU pushes an error code" if slot.error_code else "no error code from the CPU"
    return f"/* vector {slot.vector} {slot.name}, {slot.style}, {slot.where}: {shape} */"


def emit(slots, arch, banner):
    out = [banner, "#ifndef ISR_H", "#define ISR_H", "", "#include <stddef.h>", "#include <stdint.h>", ""]
    out += ["/* What the CPU pushes on every interrupt, lowest address first (SDM 6.14.1). */"]
    out += struct("interrupt_frame", arch.IRET_FRAME)
    out += offset_asserts("interrupt_frame", arch.IRET_FRAME)
    out += ["", "/* What a generated stub hands its C handler: the registers it pushed, the vector,",
            "   the error code (a dummy 0 where the CPU pushes none), then the CPU's frame. */"]
    out += struct("trap_frame", arch.TRAP_FRAME, ["struct interrupt_frame iret"])
    out += offset_asserts("trap_frame", arch.TRAP_FRAME)
    out += [f'_Static_assert(offsetof(struct trap_frame, iret) == {8 * len(arch.TRAP_FRAME)}, '
            '"trap_frame.iret moved: regenerate, do not edit");',
            "/* The CPU aligns RSP to 16 before pushing its frame; the stub pushes a multiple",
            "   of 16 bytes more, so RSP is 16-aligned at the call, as the SysV ABI requires. */",
            '_Static_assert(sizeof(struct trap_frame) % 16 == 0, "stub frame breaks call alignment");',
            "",
            "/* One generated gate-source entry; kernel/x86_64/idt.c packs it into a gate. */",
            "struct isr_table_entry {",
            "    uint64_t entry;      /* address the gate points at */",
            "    uint8_t ist;         /* interrupt stack table index, 0 = current stack */",
            "    uint8_t type_attr;   /* present, DPL, gate type */",
            "    uint16_t vector;",
            "    uint32_t reserved;",
            "};",
            f'_Static_assert(sizeof(struct isr_table_entry) == {arch.TABLE_ENTRY_SIZE}, "table entry size");',
            "",
        ] + info_declarations(arch, slots) + [
            f"#define ISR_KERNEL_CS 0x{arch.KERNEL_CS:02x}",
            "#define ISR_ABI __attribute__((interrupt))",
            "/* For functions that abi handlers call: they save every register they use,",
            "   so the handler need not save the caller-saved ones around the call.",
            "   clang 14 and 19 restore the registers they saved after loading a tail",
            "   call's arguments, so the callee gets the caller's values (LLVM #97758;",
            "   tools/findings.py NOCSR_TAIL_CALL): no tail calls from them under clang.",
            "   GCC has no such attribute, and no such bug. */",
            "#if defined(__clang__)",
            "#define ISR_CALLEE __attribute__((no_caller_saved_registers, disable_tail_calls))",
            "#else",
            "#define ISR_CALLEE __attribute__((no_caller_saved_registers))",
            "#endif",
            "",
            "/* Bounds placed by gen/keep.ld around the kept tables. */",
            "extern const struct isr_table_entry __isr_table_start[], __isr_table_end[];",
            "",
            "/* Handlers named by the spec. */"]
    out += handler_prototypes(slots, lambda slot: prototype(slot, arch), _describe, arch)
    out += ["", "/* Every vector the spec leaves out reaches this through a generated stub. */",
            "void isr_default_handler(struct trap_frame *frame);", "", "#endif", ""]
    return "\n".join(out)
