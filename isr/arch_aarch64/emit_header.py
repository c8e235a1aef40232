"""Emit gen/isr.h for AArch64: the trap frame, the GIC table entry, one prototype per handler."""
from isr.c_layout import handler_prototypes, info_declarations, offset_asserts, struct


def prototype(slot, arch):
    """The C declaration that a handler of this slot must match."""
    if slot.style == "naked" and slot.vector < arch.IRQ_BASE:
        return f"void {slot.handler}(void);  /* assembly entry: VBAR_EL1 branches here, never call it */"
    if slot.style == "naked":
        return (f"void {slot.handler}(struct trap_frame *frame);  "
                f"/* assembly, called by the GIC dispatcher under AAPCS64 */")
    return f"void {slot.handler}(struct trap_frame *frame);"


def _describe(slot):
    shape = "syndrome in ESR_EL1" if slot.error_code else "no syndrome"
    return f"/* vector {slot.vector} {slot.name}, {slot.style}, {slot.where}: {shape} */"


def emit(slots, arch, banner):
    out = [banner, "#ifndef ISR_H", "#define ISR_H", "", "#include <stddef.h>", "#include <stdint.h>", "",
           "/* What a generated stub stores below the interrupted SP, lowest address first:",
           "   x0-x30, then ELR_EL1, SPSR_EL1 (restored before ERET), ESR_EL1, FAR_EL1 (read at",
           "   entry, before a nested exception can change them) and the vector. */"]
    out += struct("trap_frame", arch.TRAP_FRAME)
    out += offset_asserts("trap_frame", arch.TRAP_FRAME)
    out += ['/* AAPCS64: SP stays 16-byte aligned across the call into C. */',
            '_Static_assert(sizeof(struct trap_frame) % 16 == 0, "stub frame breaks SP alignment");',
            "",
            "/* One entry of the generated GIC table, indexed by INTID; kernel/aarch64/gic.c",
            "   programs priority and enable from it, gic_dispatch calls entry. */",
            "struct isr_gic_entry {",
            "    uint64_t entry;      /* void entry(struct trap_frame *) */",
            "    uint8_t priority;    /* GICD_IPRIORITYR byte: lower is more urgent */",
            "    uint8_t enabled;     /* 1 where the spec binds the INTID */",
            "    uint16_t intid;",
            "    uint32_t reserved;",
            "};",
            f'_Static_assert(sizeof(struct isr_gic_entry) == {arch.GIC_ENTRY_SIZE}, "GIC table entry size");',
            ""] + info_declarations(arch, slots) + [
            f"#define ISR_VBAR_ENTRIES {arch.VBAR_ENTRIES}",
            f"#define ISR_VBAR_ENTRY_SIZE {arch.TABLE_ENTRY_SIZE}",
            f"#define ISR_GIC_INTIDS {arch.GIC_INTIDS}",
            "",
            "/* Bounds placed by gen/keep.ld around the kept tables. */",
            "extern const uint32_t __isr_table_start[], __isr_table_end[];   /* VBAR_EL1 */",
            "extern const struct isr_gic_entry __isr_gic_table_start[], __isr_gic_table_end[];",
            "/* 1 where the dispatcher counts the INTID for the storm guard (kernel/storm.h): all but bench. */",
            "extern const uint8_t isr_gic_guarded[ISR_GIC_INTIDS];",
            "",
            "/* Handlers named by the spec. */"]
    out += handler_prototypes(slots, lambda slot: prototype(slot, arch), _describe, arch)
    out += ["", "/* Every VBAR entry the spec leaves out reaches this through a generated stub,",
            "   and gic_dispatch calls it for an INTID the spec leaves out. */",
            "void isr_default_handler(struct trap_frame *frame);", "", "#endif", ""]
    return "\n".join(out)
