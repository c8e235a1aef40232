"""The names a handler may not take: the kernel's own symbols and the generator's.

A handler is a function that only the table reaches. A global symbol that the
hand-written kernel defines and also uses from another file (a header
declares it, assembly calls it: `kmain`, `memset`, `ticks`,
`recovery_resume`) or that a linker script defines (`__stack_top`) is the
kernel's own: binding it would make the CPU jump into the middle of the
kernel's business, which builds and checks green and then breaks at run time.
The handlers the kernel defines for the spec to bind (`on_pit_tick`) are used
by no other file, so they stay free.

The sources are scanned as text (comments, strings and preprocessor lines
removed), not compiled: the check runs before anything is compiled, and the
kernel's sources are plain C, assembly and linker scripts.
"""
import re
from pathlib import Path
from typing import NamedTuple

from isr.validate import C_KEYWORDS

GENERATED_PREFIXES = ("isr_", "__isr_")   # gen/ names every symbol it defines with one of these

_COMMENT_OR_STRING = re.compile(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)
_DIRECTIVE = re.compile(r"^[ \t]*#(?:[^\n]*\\\n)*[^\n]*", re.M)
_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|==|!=|<=|>=|->|&&|\|\||\S")
_ASM_GLOBAL = re.compile(r"^[ \t]*\.glob(?:a)?l[ \t]+([A-Za-z_][A-Za-z0-9_]*(?:[ \t]*,[ \t]*[A-Za-z_][A-Za-z0-9_]*)*)", re.M)
_LD_ASSIGN = re.compile(r"(?:^|[;{(\s])([A-Za-z_.][A-Za-z0-9_.]*)\s*=[^=]", re.M)
_NOT_A_NAME = frozenset({"__attribute__", "__asm__", "asm", "_Alignas", "sizeof", "__typeof__", "_Static_assert"})
_ASM_FUNCTION = re.compile(r"^\s*\.type\s+([A-Za-z_][A-Za-z0-9_]*)\s*,\s*[@%]function", re.M)
_THUMB_FUNC = re.compile(r"^[ \t]*\.thumb_func[ \t]*\n(?:[ \t]*\n)*[ \t]*([A-Za-z_][A-Za-z0-9_]*):", re.M)
_LD_ENTRY = re.compile(r"\bENTRY\s*\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)")


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


def ld_definitions(text):
    """{name: (line, False)} of the symbols a linker script assigns."""
    text = _clean(text, directives=False)
    return {m.group(1): (_line_of(text, m.start(1)), False) for m in _LD_ASSIGN.finditer(text)
            if m.group(1) != "."}


def definitions(path, text):
    suffix = Path(path).suffix
    if suffix == ".c":
        return c_definitions(text)
    if suffix == ".S":
        return asm_definitions(text)
    if suffix == ".ld":
        return ld_definitions(text)
    return {}


def uses(text):
    """{identifier: first line} of every name a C, header or assembly file mentions
    as a symbol: not a struct, union or enum tag (`struct gic_irq` is no use of the
    function gic_irq) and not a member (`frame->vector`, `.ist`)."""
    found, previous = {}, None
    for token, line in _tokens(_clean(text)):
        if re.match(r"[A-Za-z_]", token) and previous not in ("struct", "union", "enum", ".", "->"):
            found.setdefault(token, line)
        previous = token
    return found


def kernel_owned(code_files, linker_files):
    """({name: why it is the kernel's}, {entry symbol: where the linker script names it}).

    code_files: C, headers and assembly, as {path: text}; linker_files likewise.
    The kernel's own: every variable and data label (never a handler), what a
    linker script defines, what the boot code defines, and every function
    another file uses. A linker script's uses (ASSERT) are not counted: it names
    symbols to check them. Its ENTRY is returned apart: the boot code, except
    where the CPU's reset vector is that entry (Cortex-M's Reset)."""
    mentions = {path: uses(text) for path, text in code_files.items()}
    owned, entries = {}, {}
    for path, text in linker_files.items():
        for name, (line, _) in ld_definitions(text).items():
            owned.setdefault(name, f"defined by {path}:{line}")
        for match in _LD_ENTRY.finditer(_clean(text, directives=False)):
            entries[match.group(1)] = f"the ELF entry point, ENTRY in {path}:{_line_of(text, match.start())}"
    for path, text in code_files.items():
        for name, (line, function) in definitions(path, text).items():
            if name in entries:
                continue
            if not function:
                owned.setdefault(name, f"a variable or data label defined at {path}:{line}")
                continue
            if Path(path).parts[0] == "boot":
                owned.setdefault(name, f"boot code defined at {path}:{line}")
                continue
            elsewhere = [(other, found[name]) for other, found in mentions.items()
                         if other != path and name in found]
            if elsewhere:
                other, at = elsewhere[0]
                owned.setdefault(name, f"defined at {path}:{line} and used at {other}:{at}")
    return owned, entries


def generated(files):
    """{name: 'gen/<file>:line'} of the symbols the generated files define (files: {name: text})."""
    defined = {}
    for name, text in files.items():
        for symbol, (line, _) in definitions(name, text).items():
            defined.setdefault(symbol, f"generated into gen/{name}:{line}")
    return defined


def refusal(name, reset_vector, owned, entries, made):
    """Why a handler may not be called name, or None. reset_vector: True when the
    binding is the CPU's reset vector, which is the kernel's ENTRY by design."""
    if name in made:
        return f"{name!r} is a generated symbol ({made[name]}); name your handler differently"
    if name.startswith(GENERATED_PREFIXES):
        return (f"{name!r} starts with {' or '.join(GENERATED_PREFIXES)}, which the generator reserves "
                f"for its own symbols (isr_stub_N, isr_default_N, isr_vector_names, ...); "
                f"name your handler differently")
    if name.startswith("__"):
        return (f"{name!r} starts with __, which C reserves for the compiler and its runtime "
                f"(__aeabi_uldivmod, ...); name your handler differently")
    if name in entries and not reset_vector:
        return (f"{name!r} is the kernel's boot code ({entries[name]}): the CPU would restart the "
                f"kernel from it; define a handler of your own and bind that")
    if name in owned:
        return (f"{name!r} is the kernel's own symbol ({owned[name]}): the CPU would enter it as if it "
                f"were a handler; define a handler of your own and bind that")
    return None


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
    owned: dict       # name -> why it is the kernel's own (kernel_owned)
    entries: dict     # ELF entry symbol -> where the linker script names it
    needed: dict      # handler -> where the kernel names ISR_VECTOR_<handler> (needed_handlers)
    own: dict         # handler -> where its own file, and no other, names ISR_VECTOR_<handler>


_scanned = {}      # (files and their mtimes) -> KernelNames: a no-op run, or a fuzzer, scans once


def scan(root, arch, code_patterns, linker_script):
    """KernelNames of the arch's hand-written files under root: its sources
    (code_patterns, globs), every header in kernel/ and kernel/<arch>/, and its
    linker script."""
    root = Path(root)
    paths = [p for pattern in code_patterns for p in sorted(root.glob(pattern))]
    paths += sorted(root.glob("kernel/*.h")) + sorted(root.glob(f"kernel/{arch}/*.h"))
    script = Path(linker_script)
    key = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths + [script])
    if key not in _scanned:
        code = {str(p.relative_to(root)): p.read_text(errors="replace") for p in paths}
        owned, entries = kernel_owned(code, {str(script.relative_to(root)): script.read_text(errors="replace")})
        _scanned[key] = KernelNames(owned, entries, *needed_handlers(code))
    return _scanned[key]
