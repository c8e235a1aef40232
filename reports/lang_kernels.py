"""A kernel per handler language: the arch's shipped spec, with every handler
that the language's sources write rebound to them, lang= and all; everything
else as shipped, in C. The sources are those tools/handler_langs.py sources
compiles: kernel/<arch>/*.zig or *.rs, then the shared ones in kernel/zig/,
kernel/rust/ that the arch's facts list; the messages here name them from there.

Why variant kernels and not the shipped one: the shipped specs and kernels
stay C, so a user without Zig or Rust builds and boots as before, while the
tests and the cost report get, per language, a kernel whose bench, probe and
timer handlers are that language's. A user who wants a Zig handler in their
own kernel writes lang="zig" in isr/<arch>.py: doit links the language's
objects then (tools/handler_langs.py link()).

Which handlers a language writes is read from its objects: each global
function named <prefix><handler> (zig_bench_abi) replaces the spec's
<handler> (bench_abi) on every vector that binds it.

build/<arch>/variants/<lang>/ holds the spec, gen/, obj/ and kernel.elf
(<lang>-<style>-<shape>/ for the cost report's rows of a style and shape
the spec binds no bench vector to); it is rebuilt when any input is newer
than its kernel.elf.
"""
import fcntl
import json
import shutil
import subprocess
from pathlib import Path

from elftools.elf.elffile import ELFFile

from isr.generate import generate
from isr.languages import LANGUAGES
from isr.validate import SpecError
from reports import variants
from tools import compiler_cache, handler_langs, toolchain

ROOT = toolchain.ROOT


class LanguageKernelError(Exception):
    """The language kernel cannot be built: the message says why."""


def written(objects, prefix):
    """{handler: prefixed handler} for every global function the objects define with prefix."""
    found = {}
    for obj in objects:
        with open(obj, "rb") as f:
            symtab = ELFFile(f).get_section_by_name(".symtab")
            for symbol in symtab.iter_symbols() if symtab else ():
                if symbol["st_info"]["type"] == "STT_FUNC" and symbol["st_info"]["bind"] == "STB_GLOBAL" and \
                        symbol["st_shndx"] != "SHN_UNDEF" and symbol.name.startswith(prefix):
                    found[symbol.name.removeprefix(prefix)] = symbol.name
    return found


def named_sources(arch, lang):
    """The language's sources for arch as the build compiles them, for a message:
    'kernel/avr/bench.zig, kernel/avr/timer1.zig, kernel/zig/bench_stub.zig'."""
    found = handler_langs.sources(arch, lang)
    return ", ".join(map(str, found)) if found else \
        f"kernel/{arch}/*{LANGUAGES[lang].suffix} (no file), and no shared source in the arch's facts"


def write_spec(arch, lang, handlers, out, style=None, shape=None):
    """A spec that loads isr/<arch>.py and rebinds each handler in handlers to
    its language's; with style and shape, its first bench vector too, to the
    language's bench handler of that style and shape (as reports/variants.py
    rebinds it for a C toolchain's rows the spec has no vector for)."""
    first = ""
    if style:
        handler = LANGUAGES[lang].prefix + variants.HANDLERS[(style, shape)]
        style, extra = variants.style_variants(arch).get(style, (style, ()))
        first = (f"_OPTIONS = tuple(o for o in _BENCH.options if o[0] != 'bench') + (('bench', {shape!r}), "
                 f"('lang', {lang!r})) + {extra!r}\n"
                 f"_SPEC = [replace(b, handler={handler!r}, style={style!r}, options=_OPTIONS) if b is _BENCH else b\n"
                 "         for b in _SPEC]\n")
    out.write_text(
        f'"""isr/{arch}.py with the handlers that {named_sources(arch, lang)}\nwrite rebound to '
        f'them (reports/lang_kernels.py). Generated: do not edit."""\n'
        "from dataclasses import replace\n\n"
        "from isr.load import load_bindings\n\n"
        f"_SPEC = load_bindings({str(ROOT / 'isr' / f'{arch}.py')!r})\n"
        "_BENCH = next(b for b in _SPEC if b.option('bench', ''))\n" + first +
        f"_WRITTEN = {dict(sorted(handlers.items()))!r}\n"
        f"VECTORS = [replace(b, handler=_WRITTEN[b.handler], options=b.options + (('lang', {lang!r}),))\n"
        f"           if b.handler in _WRITTEN else b for b in _SPEC]\n")


def _inputs(arch, lang):
    files = [ROOT / "isr" / f"{arch}.py", toolchain.linker_script(arch)]
    for folder in ("isr", "kernel", "boot", "tools", "reports"):
        files += [p for p in (ROOT / folder).rglob("*") if p.suffix in (".py", ".c", ".h", ".S", ".zig", ".rs")]
    return files


def _compile_c(arch, source, obj, gen):
    obj.parent.mkdir(parents=True, exist_ok=True)
    built = None if Path(source).is_absolute() else toolchain.reusable_object(arch, source)
    if built is not None:
        shutil.copy(built, obj)           # doit's object: same compiler and flags, nothing from gen/
        return
    folder = gen.parent
    argv = toolchain.compile_command(arch, ROOT / source, obj, gen)
    result = subprocess.run(argv, cwd=folder, env=compiler_cache.environment(ROOT, folder),
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise LanguageKernelError(f"{arch}: {source} does not compile against {gen}:\n{result.stderr.strip()}")


def build(arch, lang, style=None, shape=None):
    """Build (or reuse) arch's kernel with lang's handlers: {"elf", "manifest", "dir", "written"};
    with style and shape, its first bench vector rebound to lang's handler of
    them (LanguageKernelError when lang writes none). One build at a time per
    arch and language: parallel test workers share build/."""
    out = toolchain.build_dir(arch) / "variants" / (lang + (f"-{style}-{shape}" if style else ""))
    out.mkdir(parents=True, exist_ok=True)
    with open(out.parent / f".{lang}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _build(arch, lang, out, style, shape)


def variant_written(arch, lang, style, shape):
    """Whether lang's sources for arch define its bench handler of style and shape."""
    try:
        found = written(handler_langs.objects(arch, lang), LANGUAGES[lang].prefix)
    except handler_langs.LanguageMissing:
        return False
    return variants.HANDLERS[(style, shape)] in found


def _build(arch, lang, out, style, shape):
    try:
        lang_objects = handler_langs.objects(arch, lang)
    except handler_langs.LanguageMissing as error:
        raise LanguageKernelError(str(error)) from None
    handlers = written(lang_objects, LANGUAGES[lang].prefix)
    if not handlers:
        raise LanguageKernelError(f"{arch}: no {LANGUAGES[lang].prefix}<handler> function in "
                                  f"{named_sources(arch, lang)}, so no {lang} kernel")
    if style and variants.HANDLERS[(style, shape)] not in handlers:
        raise LanguageKernelError(f"{arch}: no {LANGUAGES[lang].prefix}{variants.HANDLERS[(style, shape)]} in "
                                  f"{named_sources(arch, lang)}")
    gen, elf, spec = out / "gen", out / "kernel.elf", out / "spec.py"
    newest = max(p.stat().st_mtime for p in _inputs(arch, lang) + lang_objects)
    if not elf.exists() or newest > elf.stat().st_mtime:
        write_spec(arch, lang, handlers, spec, style, shape)
        try:
            generate(arch, str(spec), str(gen))
        except SpecError as error:
            raise LanguageKernelError(f"{arch} {lang}: the language kernel's spec is rejected:\n{error}") from None
        objects = []
        for source in toolchain.sources(arch) + [gen / n for n in toolchain.GENERATED_SOURCES]:
            relative = Path(source).relative_to(out) if Path(source).is_absolute() else Path(source)
            obj = out / "obj" / relative.with_suffix(relative.suffix + ".o")
            _compile_c(arch, source, obj, gen)
            objects.append(obj)
        if not toolchain.link(arch, objects + lang_objects, elf, gen):
            raise LanguageKernelError(f"{arch} {lang}: the link failed (ld's message is above)")
    return {"elf": elf, "manifest": json.loads((gen / "manifest.json").read_text()), "dir": out,
            "written": handlers}
