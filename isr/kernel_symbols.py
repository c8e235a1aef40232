"""What the kernel's sources say of the handlers, read as text before anything is compiled.

gen/isr.h defines ISR_VECTOR_<handler> for each handler the spec binds; kernel
code that names one (`ISR_VECTOR_on_syscall`) does not compile unless the spec
binds that handler: needed_handlers() finds them, so the generator can ask for
the binding at the spec instead, and tells apart a handler whose own file alone
names it (render.py then defines it in gen/isr.h when unbound). For that it asks
definitions() the global names a C or assembly file defines (comments, strings
and preprocessor lines removed; a function a macro defines is missed:
tests/elf/test_kernel_symbols.py holds it to the compiler's symbol tables).

Which names are the kernel's own, and may not be a handler's, is not read here:
the compiled objects answer that at the link (tools/owned_symbols.py).
"""
import re
from pathlib import Path
from typing import NamedTuple

from isr.validate import C_KEYWORDS


_COMMENT_OR_STRING = re.compile(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)
_DIRECTIVE = re.compile(r"^[ \t]*#(?:[^\n]*\\\n)*[^\n]*", re.M)
_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|==|!=|<=|>=|->|&&|\|\||\S")
_ASM_GLOBAL = re.compile(r"^[ \t]*\.glob(?:a)?l[ \t]+([A-Za-z_][A-Za-z0-9_]*(?:[ \t]*,[ \t]*[A-Za-z_][A-Za-z0-9_]*)*)", re.M)
_NOT_A_NAME = frozenset({"__attribute__", "__asm__", "asm", "_Alignas", "sizeof", "__typeof__", "_Static_assert"})
_ASM_FUNCTION = re.compile(r"^\s*\.type\s+([A-Za-z_][A-Za-z0-9_]*)\s*,\s*[@%]function", re.M)
_THUMB_FUNC = re.compile(r"^[ \t]*\.thumb_func[ \t]*\n(?:[ \t]*\n)*[ \t]*([A-Za-z_][A-Za-z0-9_]*):", re.M)


def _blank(match):
    """Keep the line count of what is removed, so token lines stay true."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _clean(text, directives=True):
    text = _COMMENT_OR_STRING.sub(_blank, text)
    return _DIRECTIVE.sub(_blank, text) if directives else text


def _tokens(text):
    """(token, line) pairs."""
    line, last = 1, 0
    for match in _TOKEN.finditer(text):
        line += text.count("\n", last, match.start())
        last = match.start()
        yield match.group(0), line


def _declarator(chunk):
    """The name a top-level C declaration or definition declares, and whether it is a function."""
    names = [(i, t) for i, (t, _) in enumerate(chunk)
             if re.match(r"[A-Za-z_]", t) and t not in _NOT_A_NAME and t not in C_KEYWORDS]
    function = None
    for i, (token, line) in enumerate(chunk[:-1]):
        if chunk[i + 1][0] == "(" and re.match(r"[A-Za-z_]", token) and token not in _NOT_A_NAME:
            function = (token, line)
    cut = next((i for i, (t, _) in enumerate(chunk) if t in ("=", "[")), len(chunk))
    if function and cut == len(chunk):
        return function, True
    before = [(t, chunk[i][1]) for i, t in names if i < cut]
    return (before[-1] if before else None), False


def _declarators(chunk):
    """A declaration split at its top-level commas; each later part keeps the
    type words of the first, so each reads as a declaration of its own."""
    parts, depth, start = [], 0, 0
    for i, (token, _) in enumerate(chunk):
        depth += token in "([" and len(token) == 1
        depth -= token in ")]" and len(token) == 1
        if token == "," and depth == 0:
            parts.append(chunk[start:i])
            start = i + 1
    parts.append(chunk[start:])
    return parts


def c_definitions(text):
    """{name: (line, is_function)} of the global functions and variables a C file defines."""
    found, chunk, depth, parens = {}, [], 0, 0
    declarators = 0     # where the declarators start: after a struct/union/enum body, if any
    for token, line in _tokens(_clean(text)):
        if token == "{":
            if depth == 0 and parens == 0:
                name, function = _declarator(chunk)
                if function:        # a function body: the chunk ends with it
                    if name and not {"static", "typedef"} & {t for t, _ in chunk}:
                        found.setdefault(name[0], (name[1], True))
                    chunk, declarators = [], 0
                elif "=" not in {t for t, _ in chunk}:
                    declarators = len(chunk)     # a type's body: `struct s {...} x;` declares x, `struct s {...};` nothing
            depth += 1
            continue
        if token == "}":
            depth -= 1
            continue
        if depth:
            continue
        parens += token == "("
        parens -= token == ")"
        if token == ";" and parens == 0:
            words = {t for t, _ in chunk}
            if not {"static", "extern", "typedef", "_Static_assert"} & words:
                for part in _declarators(chunk[declarators:]):     # `uint8_t a, b;` defines both
                    name, function = _declarator(part)
                    if name and not function:
                        found.setdefault(name[0], (name[1], False))
            chunk, declarators = [], 0
            continue
        chunk.append((token, line))
    return found


def _line_of(text, index):
    return text.count("\n", 0, index) + 1


_ASM_MACRO = re.compile(r"^[ \t]*\.macro[ \t]+(\w+)[ \t,]*([^\n]*)\n(.*?)^[ \t]*\.endm", re.M | re.S)


def _macro_globals(text):
    """{macro: [(argument index, is_function)]} for the macros whose body makes
    one of their parameters global (`STACK name, size` with `.globl \\name`)."""
    found = {}
    for match in _ASM_MACRO.finditer(text):
        params = [p.split("=")[0].strip() for p in re.split(r"[ \t,]+", match.group(2).strip()) if p]
        body = match.group(3)
        made = [(i, bool(re.search(rf"\.type[ \t]+\\{p}\s*,\s*[@%]function", body)))
                for i, p in enumerate(params) if re.search(rf"\.glob(?:a)?l[ \t]+\\{p}\b", body)]
        if made:
            found[match.group(1)] = made
    return found


def asm_definitions(text):
    """{name: (line, is_function)} of the labels an assembly file makes global,
    directly or through one of its own macros; a function is one that `.type`
    says is one (data labels are not)."""
    text = _clean(text, directives=False)
    functions = set(_ASM_FUNCTION.findall(text)) | set(_THUMB_FUNC.findall(text))
    found = {name.strip(): (_line_of(text, m.start()), name.strip() in functions)
             for m in _ASM_GLOBAL.finditer(_ASM_MACRO.sub(_blank, text)) for name in m.group(1).split(",")}
    for macro, made in _macro_globals(text).items():
        for call in re.finditer(rf"^[ \t]*{macro}[ \t]+([^\n]*)", text, re.M):
            args = [a for a in re.split(r"[ \t,]+", call.group(1).strip()) if a]
            for index, function in made:
                if index < len(args):
                    found.setdefault(args[index], (_line_of(text, call.start()), function))
    return found


def definitions(path, text):
    suffix = Path(path).suffix
    if suffix == ".c":
        return c_definitions(text)
    if suffix == ".S":
        return asm_definitions(text)
    return {}


_VECTOR_CONSTANT = re.compile(r"\bISR_VECTOR_([A-Za-z_][A-Za-z0-9_]*)")
_GENERATED_CONSTANTS = {"COUNT"}     # gen/isr.h defines these whatever the spec binds


def needed_handlers(code_files):
    """({handler: 'file:line'}, {handler: 'file:line'}): the handlers whose vector
    the kernel's code names as ISR_VECTOR_<handler> (gen/isr.h defines one per
    bound handler), then those named only in the file that defines them.

    The first are needed: unbound, the kernel does not compile. The second are
    a handler's own file reporting its own vector (a student's on_student in
    kernel/<arch>/student.c): while the spec binds the handler nowhere, the CPU
    never enters it, and gen/isr.h defines the name all the same (unbound_vectors),
    so a spec without it (the small specs the tests make) still builds."""
    named = {}
    for path, text in code_files.items():
        cleaned = _clean(text, directives=False)
        for match in _VECTOR_CONSTANT.finditer(cleaned):
            if match.group(1) not in _GENERATED_CONSTANTS:
                named.setdefault(match.group(1), {}).setdefault(path, _line_of(cleaned, match.start()))
    needed, own = {}, {}
    for name, places in named.items():
        homes = {path for path in places if name in definitions(path, code_files[path])}
        first = next(iter(places.items()))
        (own if set(places) <= homes else needed)[name] = f"{first[0]}:{first[1]}"
    return needed, own


def unbound_vectors(own, bound):
    """gen/isr.h lines for the handlers named only by their own file (own, from
    needed_handlers) that the spec does not bind (bound: handler names): their
    vector is ISR_VECTOR_COUNT, which no vector has, since the CPU never enters them."""
    return [f"#define ISR_VECTOR_{name} ISR_VECTOR_COUNT   /* {where}: bound nowhere in the spec, never entered */"
            for name, where in sorted(own.items()) if name not in bound]


class KernelNames(NamedTuple):
    needed: dict      # handler -> where the kernel names ISR_VECTOR_<handler> (needed_handlers)
    own: dict         # handler -> where its own file, and no other, names ISR_VECTOR_<handler>


_scanned = {}      # (files and their mtimes) -> KernelNames: a no-op run, or a fuzzer, scans once


def scan(root, arch, code_patterns):
    """KernelNames of the arch's hand-written files under root: its sources
    (code_patterns, globs) and every header in kernel/ and kernel/<arch>/."""
    root = Path(root)
    paths = [p for pattern in code_patterns for p in sorted(root.glob(pattern))]
    paths += sorted(root.glob("kernel/*.h")) + sorted(root.glob(f"kernel/{arch}/*.h"))
    key = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths)
    if key not in _scanned:
        code = {str(p.relative_to(root)): p.read_text(errors="replace") for p in paths}
        _scanned[key] = KernelNames(*needed_handlers(code))
    return _scanned[key]
