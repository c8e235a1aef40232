"""Emit gen/isr.h for arm32: the trap frame, the GIC table entry and context, one
prototype per handler; an `abi` prototype carries its vector's interrupt kind."""
from isr.c_layout import handler_prototypes, info_declarations, offset_asserts, struct


def prototype(slot, arch):
    """The C declaration that a handler of this slot must match."""
    if slot.vector >= arch.IRQ_BASE:
        if slot.style == "naked":
            return (f"void {slot.handler}(const struct gic_irq *irq);  "
                    f"/* assembly, called by the IRQ or FIQ entry under AAPCS */")
        return f"void {slot.handler}(const struct gic_irq *irq);"
    if slot.style == "abi":
        kind = arch.KINDS[slot.vector]
        return f"ISR_ABI_{kind} void {slot.handler}(void);"
    if slot.style == "naked":
        return f"void {slot.handler}(void);  /* assembly entry: the VBAR word branches here, never call it */"
    return f"void {slot.handler}(struct trap_frame *frame);"


def _describe(slot, arch):
    if slot.vector >= arch.IRQ_BASE:
        group = "group 0, taken at FIQ" if slot.option("fiq") else "group 1, taken at IRQ"
        return f"/* vector {slot.vector} {slot.name}, INTID {slot.vector - arch.IRQ_BASE}, {group}, " \
               f"priority 0x{slot.option('priority'):02x}, {slot.style}, {slot.where} */"
    v = slot.vector
    ret = f"LR = preferred return + {arch.LR_OFFSET[v]}"
    shape = "fault status in " + ("IFSR/IFAR" if v == 3 else "DFSR/DFAR") if slot.error_code else "no fault status"
    return (f"/* vector {v} {slot.name}: {arch.NOTES[v]}.\n"
            f"   {arch.MODES[v]} mode, {ret}, {shape}, {slot.style}, {slot.where} */")


def emit(slots, arch, banner):
    abi_kinds = {slot.vector: arch.KINDS[slot.vector] for slot in slots
                 if slot.vector < arch.VBAR_ENTRIES and slot.style == "abi"}
    kinds = [f'#define ISR_ABI_{kind} __attribute__((interrupt("{kind}")))  /* returns subs pc, lr, '
             f'#{arch.KIND_RETURN[kind]} */' for kind in arch.COMPILER_KINDS]
    out = [banner, "#ifndef ISR_H", "#define ISR_H", "", "#include <stddef.h>", "#include <stdint.h>", "",
           "/* The compiler's interrupt conventions (clang and GCC, ARM state only). */"] + kinds + [
           "",
           "/* What a generated stub stores on its mode's stack, lowest address first: r0-r12,",
           "   SP and LR of the USR/SYS bank, the preferred return address (the stub returns",
           "   there: a handler may change it), SPSR (restored on return) and the vector. */"]
    out += struct("trap_frame", arch.TRAP_FRAME, word="uint32_t")
    out += offset_asserts("trap_frame", arch.TRAP_FRAME, word_size=4)
    out += ['/* AAPCS: SP stays 8-byte aligned across the call into C. */',
            '_Static_assert(sizeof(struct trap_frame) % 8 == 0, "stub frame breaks SP alignment");',
            "",
            "/* One entry of the generated GIC table, indexed by INTID; kernel/arm32/gic.c",
            "   programs priority, group and enable from it, the IRQ/FIQ entries call entry. */",
            "struct isr_gic_entry {",
            "    uint32_t entry;      /* void entry(const struct gic_irq *) */",
            "    uint8_t priority;    /* GICD_IPRIORITYR byte: lower is more urgent */",
            "    uint8_t fiq;         /* 1: group 0, signalled as FIQ; 0: group 1, as IRQ */",
            "    uint8_t enabled;     /* 1 where the spec binds the INTID */",
            "    uint8_t intid;",
            "};",
            f'_Static_assert(sizeof(struct isr_gic_entry) == {arch.GIC_ENTRY_SIZE}, "GIC table entry size");',
            "",
            "/* What the IRQ or FIQ entry hands each INTID handler. */",
            "struct gic_irq {",
            "    uint32_t intid;",
            "    uint32_t fiq;        /* 1: taken at the FIQ entry */",
            "    uint32_t lr;         /* the entry's banked LR: the interrupted instruction + 4 */",
            "    uint32_t spsr;       /* the interrupted CPSR */",
            "};",
            ""] + info_declarations(arch, slots) + [
            f"#define ISR_VBAR_ENTRIES {arch.VBAR_ENTRIES}",
            f"#define ISR_VBAR_ENTRY_SIZE {arch.TABLE_ENTRY_SIZE}   /* one ARM instruction per entry */",
            f"#define ISR_GIC_INTIDS {arch.GIC_INTIDS}",
            "/* The interrupt(KIND) each VBAR entry's handler is compiled with, \"\" where the",
            "   spec binds no abi handler there (`vectors` shows it). */",
            f"#define ISR_VBAR_KINDS {{{', '.join(chr(34) + abi_kinds.get(v, '') + chr(34) for v in range(arch.VBAR_ENTRIES))}}}",
            "/* LR on entry minus the preferred return address, per VBAR entry (B1.8.3). */",
            f"#define ISR_LR_OFFSETS {{{', '.join(str(arch.LR_OFFSET[v]) for v in range(arch.VBAR_ENTRIES))}}}",
            "",
            "/* Bounds placed by gen/keep.ld around the kept tables. */",
            "extern const uint32_t __isr_table_start[], __isr_table_end[];   /* VBAR */",
            "extern const struct isr_gic_entry __isr_gic_table_start[], __isr_gic_table_end[];",
            "/* 1 where the dispatcher counts the INTID for the storm guard (kernel/storm.h): all but bench. */",
            "extern const uint8_t isr_gic_guarded[ISR_GIC_INTIDS];",
            "",
            "/* Handlers named by the spec. */"]
    out += handler_prototypes(slots, lambda slot: prototype(slot, arch), lambda slot: _describe(slot, arch), arch)
    out += ["", "/* Every VBAR entry the spec leaves out reaches this through a generated stub. */",
            "void isr_default_handler(struct trap_frame *frame);",
            "/* The IRQ/FIQ entries call this (through isr_default_intid) for an INTID the spec leaves out. */",
            "void isr_default_gic(const struct gic_irq *irq);", "", "#endif", ""]
    return "\n".join(out)
