"""C text that every arch's gen/isr.h shares: frame structs with offset checks,
the declarations that gen/isr_info.c (isr/emit_info.py) defines, and vector
numbers as constants, so that kernel C never writes one by hand."""
import re
from collections import Counter

from isr import styles


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


def bench_vectors(slots):
    """The vectors the spec marks bench=, in order."""
    return sorted(slot.vector for slot in slots if slot.bench)


def info_declarations(arch, slots):
    """What gen/isr_info.c defines, for the kernel's `vectors`, `bench` and report code."""
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
            "/* The spec's bench vectors (bench=), in vector order: `bench N` and `probe N` take only these. */",
            f"#define ISR_BENCH_COUNT {len(bench_vectors(slots))}",
            "extern const uint16_t isr_bench_vectors[ISR_BENCH_COUNT + 1];",
            "/* What the vector's handler must do to acknowledge its source (the arch model's words). */",
            "const char *isr_vector_ack(unsigned vector);",
            "/* The vector's style as the spec binds it (\"default\" where it binds none): report lines print it. */",
            "const char *isr_vector_style(unsigned vector);",
            "/* The style of the generated entries of the vectors the spec leaves out (`vectors` skips them). */",
            '#define ISR_STYLE_DEFAULT "default"',
            "/* The generated entry (stub, default or handler) at an address, or NULL. */",
            "const struct isr_symbol *isr_symbol_at(uintptr_t entry);",
            "",
            "/* Vector numbers by the arch's name for them (names it gives one vector only). */"] + \
        vector_constants(arch)


def constant_name(text):
    """A C macro name from an arch's vector name or a handler: "#DB" -> DB, "load-fault" -> LOAD_FAULT."""
    return re.sub(r"[^A-Za-z0-9]+", "_", text.lstrip("#")).strip("_").upper()


def vector_constants(arch):
    names = [arch.vector_name(v) for v in range(arch.VECTOR_COUNT)]
    once = Counter(names)
    return [f"#define ISR_VEC_{constant_name(name)} {v}" for v, name in enumerate(names) if once[name] == 1]


def vector_comment(slot, arch, first_line):
    """The comment above a prototype: first_line (vector, style, spec line), then the
    x86_64 crate's three parts from the arch model: what raises it, where the saved PC
    points, and its number."""
    raised, saved = arch.describe(slot.vector)
    return [first_line.removesuffix(" */"),
            f" *   Raised by: {raised}.",
            f" *   Saved {arch.SAVED_PC_NAME}: {saved}.",
            f" *   The vector number of {slot.name} is {slot.vector} (0x{slot.vector:x}). */"]


def handler_prototypes(slots, prototype, describe, arch):
    """One declaration per spec handler, each after a comment naming its vector and
    spec line, then its vector as ISR_VECTOR_<handler> (its first, if it has
    several): kernel code raises, nests and damages vectors by these names, so
    a spec edit moves it too."""
    out, seen = [], set()
    for slot in slots:
        if not styles.style(slot.style).bindable or slot.handler in seen:
            continue
        seen.add(slot.handler)
        out += vector_comment(slot, arch, describe(slot)) + [prototype(slot)]
        out.append(f"#define ISR_VECTOR_{slot.handler} {slot.vector}")
    return out
