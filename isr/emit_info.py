"""Emit gen/isr_info.c: vector names, error-code facts, and entry symbols by address."""

# What every arch's gen/isr.h declares for isr_info.c and kernel/vectors.c.
HEADER_DECLARATIONS = [
    "/* Entry address to names, for the `vectors` command. */",
    "struct isr_symbol {",
    "    uintptr_t entry;",
    "    const char *symbol;",
    "    const char *handler;",
    "    const char *style;",
    "};",
    "extern const struct isr_symbol __isr_symbols_start[], __isr_symbols_end[];",
    "extern const char *const isr_vector_names[ISR_VECTOR_COUNT];",
    "extern const uint8_t isr_vector_error_code[ISR_VECTOR_COUNT];",
]


def handler_prototypes(slots, arch, describe, prototype):
    """For gen/isr.h: a comment and the C declaration of each spec handler, once each."""
    out, seen = [], set()
    for slot in slots:
        if slot.style == "default" or slot.handler in seen:
            continue
        seen.add(slot.handler)
        out += [describe(slot), prototype(slot, arch)]
    return out


def emit(slots, arch, banner):
    names = ", ".join(f'"{slot.name}"' for slot in slots)
    codes = ", ".join("1" if slot.error_code else "0" for slot in slots)
    out = [banner, '#include "isr.h"', "",
           f"const char *const isr_vector_names[ISR_VECTOR_COUNT] = {{{names}}};", "",
           "/* 1 where the CPU pushes an error code: `int N` on such a vector would leave the",
           "   handler popping a word that was never pushed. */",
           f"const uint8_t isr_vector_error_code[ISR_VECTOR_COUNT] = {{{codes}}};", ""]
    entries = sorted({slot.entry for slot in slots if slot.style in ("stub", "default")})
    out += [f"void {entry}(void);" for entry in entries]
    out += ["", "/* Kept by gen/keep.ld only: code reaches it through __isr_symbols_start. */",
            '__attribute__((section(".isr_symbols")))',
            "const struct isr_symbol isr_symbols[] = {"]
    seen = set()
    for slot in slots:
        if slot.entry in seen:
            continue
        seen.add(slot.entry)
        out.append(f'    {{(uintptr_t)&{slot.entry}, "{slot.entry}", "{slot.handler}", "{slot.style}"}},')
    return "\n".join(out + ["};", ""])
