"""The C names a handler cannot take: the language's keywords and what the
headers around gen/isr.h define.

gen/isr.h declares one prototype per handler after <stddef.h> and <stdint.h>,
and the kernel's C includes <stdbool.h> too. A handler named like a keyword,
a macro or a type of those headers makes its own prototype fail to compile
(`void bool(void)` reads `void _Bool(void)`), far from the spec line that
named it; validation refuses it there instead. So are the names the generator
and the compiler keep for themselves (reserved). Which names are the kernel's
own is found in the compiled objects at the link (tools/owned_symbols.py).
"""
import re

C_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
C_KEYWORDS = frozenset(
    "auto break case char const continue default do double else enum extern float for goto if "
    "inline int long register restrict return short signed sizeof static struct switch typedef "
    "union unsigned void volatile while _Bool _Complex _Imaginary _Alignas _Alignof _Atomic "
    "_Generic _Noreturn _Static_assert _Thread_local".split())
# C23 made these keywords (clang and GCC take them with -std=c2x), and GNU C's `asm` and `typeof`.
LATER_KEYWORDS = frozenset(
    "alignas alignof bool constexpr false nullptr static_assert thread_local true typeof "
    "typeof_unqual _BitInt _Decimal32 _Decimal64 _Decimal128 asm".split())


def _stdint_names():
    """C11 7.20: the exact, least and fast width types, their limits and constant macros."""
    names = {"intptr_t", "uintptr_t", "intmax_t", "uintmax_t", "INTPTR_MIN", "INTPTR_MAX", "UINTPTR_MAX",
             "INTMAX_MIN", "INTMAX_MAX", "UINTMAX_MAX", "INTMAX_C", "UINTMAX_C", "PTRDIFF_MIN", "PTRDIFF_MAX",
             "SIZE_MAX", "SIG_ATOMIC_MIN", "SIG_ATOMIC_MAX", "WCHAR_MIN", "WCHAR_MAX", "WINT_MIN", "WINT_MAX"}
    for bits in (8, 16, 32, 64):
        for kind in ("", "_least", "_fast"):
            names |= {f"int{kind}{bits}_t", f"uint{kind}{bits}_t",
                      f"INT{kind.upper()}{bits}_MIN", f"INT{kind.upper()}{bits}_MAX", f"UINT{kind.upper()}{bits}_MAX"}
        names |= {f"INT{bits}_C", f"UINT{bits}_C"}
    return names


HEADER_NAMES = {
    **{name: "<stddef.h>" for name in ("NULL", "offsetof", "size_t", "ptrdiff_t", "wchar_t", "max_align_t")},
    **{name: "<stdbool.h>" for name in ("bool", "true", "false", "__bool_true_false_are_defined")},
    **{name: "<stdint.h>" for name in _stdint_names()},
}


def clash(name):
    """Why a function cannot be called name in the kernel's C, or None."""
    if name in C_KEYWORDS:
        return "is a C keyword, so no function can have that name"
    if name in HEADER_NAMES:
        return (f"is defined by {HEADER_NAMES[name]}, which the kernel's C includes, so a function of "
                f"that name does not compile")
    if name in LATER_KEYWORDS:
        return "is a keyword of C23 or GNU C, so a function of that name does not compile with every compiler"
    return None


GENERATED_PREFIXES = ("isr_", "__isr_")   # gen/ names every symbol it defines with one of these


def reserved(name):
    """Why a handler may not be called name, which the generator or the compiler
    keeps for itself, or None (the text follows "handler")."""
    if name.startswith(GENERATED_PREFIXES):
        return (f"{name!r} starts with {' or '.join(GENERATED_PREFIXES)}, which the generator reserves "
                f"for its own symbols (isr_stub_N, isr_default_N, isr_vector_names, ...); "
                f"name your handler differently")
    if name.startswith("__"):
        return (f"{name!r} starts with __, which C reserves for the compiler and its runtime "
                f"(__aeabi_uldivmod, ...); name your handler differently")
    return None
