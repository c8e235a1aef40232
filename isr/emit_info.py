"""Emit gen/isr_info.c: vector names, error-code facts, acknowledgements, styles, and entry symbols by address."""
from isr.c_layout import bench_vectors
from isr.guard import GUARD_NAME, guarded

NO_ENTRY = "-"      # the style of a vector the CPU's table has no entry for


def c_string(text):
    """A C string literal of text (the arch models' plain prose)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def text_per_vector(function, name, values, outside):
    """The C function `function(vector)`: values[vector], or outside past the
    table. Each text once, and a byte per vector: the AVR keeps constants in
    its 8 KiB of SRAM."""
    texts = list(dict.fromkeys(values))
    ids = ", ".join(str(texts.index(value)) for value in values)
    return ([f"static const char *const {name}_texts[] = {{"] + [f"    {c_string(text)}," for text in texts] +
            ["};", f"static const uint8_t {name}_of_vector[ISR_VECTOR_COUNT] = {{{ids}}};", "",
             f"const char *{function}(unsigned vector)",
             "{",
             f"    return vector < ISR_VECTOR_COUNT ? {name}_texts[{name}_of_vector[vector]] : {c_string(outside)};",
             "}", ""])


def emit(slots, arch, banner):
    vectors = range(arch.VECTOR_COUNT)
    names = ", ".join(f'"{arch.vector_name(v)}"' for v in vectors)
    codes = ", ".join("1" if arch.has_error_code(v) else "0" for v in vectors)
    out = [banner, '#include "isr.h"', "",
           f"const char *const isr_vector_names[ISR_VECTOR_COUNT] = {{{names}}};", "",
           "/* 1 where the CPU reports an error code (x86_64 pushes it, AArch64 leaves a syndrome",
           "   in ESR_EL1): `int N` cannot supply one, so the shell refuses those vectors. */",
           f"const uint8_t isr_vector_error_code[ISR_VECTOR_COUNT] = {{{codes}}};", "",
           "/* The spec's bench vectors, then a 0 that only keeps the array from being empty. */",
           f"const uint16_t isr_bench_vectors[ISR_BENCH_COUNT + 1] = {{{', '.join(map(str, bench_vectors(slots) + [0]))}}};",
           "",
           "/* What each vector's handler must do so that its source does not interrupt again",
           "   at once (the arch model's acknowledge()): the storm guard (kernel/storm.c) says it. */"]
    out += text_per_vector("isr_vector_ack", "ack", [arch.acknowledge(v) for v in vectors], "")
    # Every report line prints its vector's style from here (kernel/report.c),
    # so a spec edit of a style, or a new style, needs no kernel edit.
    style_of = {slot.vector: slot.style for slot in slots}
    out += ["/* Each vector's style as the spec binds it: \"default\" where it binds none,",
            f'   "{NO_ENTRY}" where the table has no entry. */']
    out += text_per_vector("isr_vector_style", "style", [style_of.get(v, NO_ENTRY) for v in vectors], NO_ENTRY)
    # Generated assembly entries need a C declaration here; an entry that is the
    # handler itself (abi, naked, or a C function the arch calls directly) has
    # its prototype in isr.h already. So does an entry that is the handler under
    # another assembler name (AVR abi: __vector_N), but not under this C name.
    # A guarded vector's table word is its storm guard (isr/guard.py), so the
    # guard has a row of its own, and a table read back (`vectors`) says that the
    # CPU enters the guard. All guards share one name, GUARD_NAME (the AVR keeps
    # these strings in SRAM); the handler and style are the vector's.
    rows = [(guard, GUARD_NAME, slot) for slot, guard in guarded(slots, arch)]
    rows += [(slot.entry, slot.entry, slot) for slot in slots]
    entries = sorted({symbol for symbol, _, slot in rows if symbol != slot.handler})
    out += [f"void {entry}(void);" for entry in entries]
    out += ["", "/* Kept by gen/keep.ld only: code reaches it through __isr_symbols_start. */",
            '__attribute__((section(".isr_symbols")))',
            "const struct isr_symbol isr_symbols[] = {"]
    seen = set()
    for symbol, name, slot in rows:
        if symbol in seen:
            continue
        seen.add(symbol)
        out.append(f'    {{(uintptr_t)&{symbol}, "{name}", "{slot.handler}", "{slot.style}"}},')
    out += ["};", "",
            "const struct isr_symbol *isr_symbol_at(uintptr_t entry)",
            "{",
            "    for (const struct isr_symbol *s = __isr_symbols_start; s < __isr_symbols_end; s++)",
            "        if (s->entry == entry)",
            "            return s;",
            "    return 0;",
            "}", ""]
    return "\n".join(out)
