"""C text that every arch's gen/isr.h shares: frame structs with offset checks,
and the declarations that gen/isr_info.c (isr/emit_info.py) defines."""


def struct(name, fields, tail=(), word="uint64_t", types={}):
    """struct name { word field; ... }, one machine word per field (types overrides
    some, with a type of the same size), then tail members."""
    lines = [f"struct {name} {{"]
    lines += [f"    {types.get(field, word)} {field};" for field in fields]
    lines += [f"    {member};" for member in tail]
    return lines + ["};"]


def offset_asserts(name, fields, start=0, word_size=8):
    """One _Static_assert per field, so C and the generated assembly cannot drift."""
    return [f'_Static_assert(offsetof(struct {name}, {field}) == {start + word_size * i}, '
            f'"{name}.{field} moved: regenerate, do not edit");' for i, field in enumerate(fields)]


def info_declarations(arch):
    """What gen/isr_info.c defines, for the kernel's `vectors` and report code."""
    return ["/* Entry address to names, for the `vectors` command. */",
            "struct isr_symbol {",
            "    uintptr_t entry;",
            "    const char *symbol;",
            "    const char *handler;",
            "    const char *style;",
            "};",
            "",
            f"#define ISR_VECTOR_COUNT {arch.VECTOR_COUNT}",
            f"#define ISR_IRQ_BASE {arch.IRQ_BASE}",
            "extern const struct isr_symbol __isr_symbols_start[], __isr_symbols_end[];",
            "extern const char *const isr_vector_names[ISR_VECTOR_COUNT];",
            "extern const uint8_t isr_vector_error_code[ISR_VECTOR_COUNT];",
            "/* The generated entry (stub, default or handler) at an address, or NULL. */",
            "const struct isr_symbol *isr_symbol_at(uintptr_t entry);"]


def handler_prototypes(slots, prototype, describe):
    """One declaration per spec handler, each after a comment naming its vector and spec line."""
    out, seen = [], set()
    for slot in slots:
        if slot.style == "default" or slot.handler in seen:
            continue
        seen.add(slot.handler)
        out += [describe(slot), prototype(slot)]
    return out
