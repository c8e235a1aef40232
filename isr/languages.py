"""The languages a handler may be written in: lang= on a binding (isr/spec.py).

C is the kernel's own and the default. Each other language is a toolchain
family of tools/toolchains.py whose per-arch facts
(isr/arch_<arch>/toolchains.py TOOLCHAINS[family]) give its target, flags and
the styles it cannot write there, with why. A handler in another language is
named with the language's prefix (zig_bench_abi), so it never clashes with
the C handler the shipped spec binds to the same vector.
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    name: str        # what lang= says
    family: str      # its toolchain family (TOOLCHAINS key); "" for C, the kernel's own
    prefix: str      # every handler in the language starts with it
    suffix: str      # its source files in kernel/<arch>/


LANGUAGES = {lang.name: lang for lang in (
    Language("c", "", "", ".c"),
    Language("zig", "zig", "zig_", ".zig"),
    Language("rust", "rustc", "rust_", ".rs"),
)}
DEFAULT = "c"


def check(lang, style, handler, arch, say):
    """The language of a binding, after saying what is wrong with lang=; None when refused."""
    if not isinstance(lang, str) or lang not in LANGUAGES:
        say(f"lang={lang!r} unknown; use one of: {', '.join(repr(n) for n in LANGUAGES)} (default 'c')")
        return None
    language = LANGUAGES[lang]
    if not language.family:
        return lang
    facts = arch.toolchains.TOOLCHAINS[language.family]
    if isinstance(facts, str):
        say(f"lang={lang!r}: {lang} cannot write {arch.NAME} handlers: {facts}; drop lang= (C)")
        return None
    if style in facts["refusals"]:
        say(f"lang={lang!r} cannot write {style} handlers on {arch.NAME}: {facts['refusals'][style]}")
        return None
    if isinstance(handler, str) and not handler.startswith(language.prefix):
        say(f"lang={lang!r}: a {lang} handler's name starts with {language.prefix!r}, so it cannot clash "
            f"with a C one; name it {language.prefix}{handler}")
        return None
    return lang
