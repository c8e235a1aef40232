"""Variant kernels for reports/cost.py: the same sources, built by a second
compiler, or with the spec's first bench vector rebound to another style.

build/<arch>/variants/<name>/ holds the variant's spec (when rebound), gen/,
obj/ and kernel.elf. Assembly is always assembled by clang: the variant is
about what a compiler makes of the C handlers. A variant is rebuilt when any
input is newer than its kernel.elf.
"""
import fcntl
import json
import shutil
import subprocess
from pathlib import Path

from isr import arches
from isr.generate import generate
from isr.load import arch_model
from isr.validate import SpecError
from tools import toolchain

ROOT = toolchain.ROOT
SECOND_COMPILER_NAMES = ("gcc",)

# The second compiler per arch that has one (isr/arch_<arch>/toolchains.py GCC).
GCC = {name: model.toolchains.GCC for name, model in arches.models().items() if model.toolchains.GCC}

# The handler each (style, shape) binds: kernel/<arch>/bench.c and bench_naked.S.
HANDLERS = {("abi", "counter"): "bench_abi", ("stub", "counter"): "bench_stub",
            ("naked", "counter"): "bench_naked", ("abi", "call"): "bench_abi_call",
            ("stub", "call"): "bench_stub_call", ("abi-nb", "counter"): "bench_abi_nonblocking"}


def style_variants(arch):
    """{row style: (spec style, options)} for the styles an arch model adds to
    the bench as an option of another (avr: "abi-nb", abi with nonblocking=True)."""
    return arch_model(arch).BENCH_STYLE_VARIANTS


def style_label(arch, slot):
    """The bench row style of a manifest slot: its style, or the variant its options make."""
    for label, (style, options) in style_variants(arch).items():
        if slot["style"] == style and all(slot["options"].get(k) == v for k, v in options):
            return label
    return slot["style"]


class VariantError(Exception):
    """A variant cannot be built: the message names what is missing and how to get it."""


def second_compilers(arch):
    return ["gcc"] if arch in GCC else []


def wanted(arch):
    """Every (style, shape) the arch's styles allow; a naked handler is hand-written,
    so it has no "calls a function" shape worth measuring. An arch whose bench
    vectors cannot take every style of the arch (arm32: SGIs behind an abi
    entry) names the others in BENCH_REFUSALS; one that measures a kind of a
    style as a style of its own (avr: abi-nb) in BENCH_STYLE_VARIANTS."""
    model = arch_model(arch)
    styles = [s for s in model.STYLES if s not in model.BENCH_REFUSALS] + list(style_variants(arch))
    return [key for key in HANDLERS if key[0] in styles]


def missing(arch, have):
    return [key for key in wanted(arch) if key not in have]


def refusals(arch, compiler):
    """What the report must say where a compiler has no style."""
    model = arch_model(arch)
    return [f"{arch} {compiler}: no `{style}` style: {why}" for style, why in model.STYLE_REFUSALS.items()] + \
        [f"{arch} {compiler}: no `{style}` bench row: {why}" for style, why in model.BENCH_REFUSALS.items()]


def _compiler_argv(arch, compiler, source, obj, gen_dir):
    if compiler == "clang" or Path(source).suffix == ".S":
        return toolchain.compile_command(arch, source, obj, gen_dir)
    gcc = GCC[arch]
    includes = [f"-I{d}" for d in toolchain.include_dirs(arch, gen_dir)]
    # Wall and Wextra stay on, but GCC's own warnings on this clang-clean code are shown, not fatal.
    common = [f for f in toolchain.COMMON_CFLAGS if f != "-Werror"]
    extra = gcc["bench_cflags"] if Path(source) in [Path(p.format(arch=arch)) for p in toolchain.SOURCE_CFLAGS] else []
    return [gcc["cc"]] + common + gcc["cflags"] + extra + includes + ["-c", str(source), "-o", str(obj)]


def _variant_spec(arch, spec, out, style, shape):
    """Write a spec that rebinds the first bench vector of spec to (style, shape)."""
    handler = HANDLERS[(style, shape)]
    style, extra = style_variants(arch).get(style, (style, ()))
    out.write_text(
        f'"""isr/{arch}.py with its first bench vector rebound to {handler} ({style}, {shape}),\n'
        f'for reports/cost.py (reports/variants.py). Generated: do not edit."""\n'
        "from dataclasses import replace\n\n"
        "from isr.load import load_bindings\n\n"
        f"_SPEC = load_bindings({str(spec)!r})\n"
        "_BENCH = next(b for b in _SPEC if b.option('bench', ''))\n"
        f"_OPTIONS = tuple(o for o in _BENCH.options if o[0] != 'bench') + (('bench', {shape!r}),) + {extra!r}\n"
        f"VECTORS = [replace(b, handler={handler!r}, style={style!r}, options=_OPTIONS) if b is _BENCH else b\n"
        "           for b in _SPEC]\n")


def _inputs(arch, spec):
    files = [spec, toolchain.linker_script(arch)]
    for folder in ("isr", "kernel", "boot", "tools"):
        files += [p for p in (ROOT / folder).rglob("*") if p.suffix in (".py", ".c", ".h", ".S")]
    return files


def build(arch, compiler, style=None, shape=None):
    """Build (or reuse) a variant kernel; {"elf": path, "manifest": dict, "dir": path,
    "warnings": the compiler's warnings, one string per line}. One build at a
    time per arch: parallel test workers share build/."""
    lock_path = toolchain.build_dir(arch) / "variants" / ".lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _build(arch, compiler, style, shape)


def _reusable(arch, compiler, source, base):
    """An object built before that this variant may take as it is
    (tools/toolchain.py reusable_object): doit's own for clang, and for every
    source that clang assembles; the second compiler's base variant (base,
    its obj/ folder) for a rebound one. None: compile it."""
    if Path(source).is_absolute():
        return None                         # generated: the variant's own gen/
    if compiler == "clang" or Path(source).suffix == ".S":
        return toolchain.reusable_object(arch, source)
    if base is None:
        return None
    return toolchain.reusable_object(arch, source, base / Path(source).with_suffix(Path(source).suffix + ".o"))


def _build(arch, compiler, style, shape):
    if compiler != "clang":
        if arch not in GCC:
            raise VariantError(f"{arch}: no second compiler is known for it (reports/variants.py GCC)")
        if shutil.which(GCC[arch]["cc"]) is None:
            raise VariantError(f"{arch}: the second compiler {GCC[arch]['cc']} is missing; install it: "
                               f"apt-get install {GCC[arch]['package']} (or run tools/setup as root)")
    name = compiler + (f"-{style}-{shape}" if style else "")
    out = toolchain.build_dir(arch) / "variants" / name
    gen = out / "gen"
    elf = out / "kernel.elf"
    spec = ROOT / "isr" / f"{arch}.py"
    if style:
        out.mkdir(parents=True, exist_ok=True)
        variant_spec = out / "spec.py"
        _variant_spec(arch, spec, variant_spec, style, shape)
        spec_used = variant_spec
    else:
        spec_used = spec
    warnings_file = out / "warnings.txt"
    if not elf.exists() or max(p.stat().st_mtime for p in _inputs(arch, spec)) > elf.stat().st_mtime:
        warnings = []
        try:
            generate(arch, str(spec_used), str(gen))
        except SpecError as error:
            raise VariantError(f"{arch} {name}: the variant spec is rejected:\n{error}") from None
        objects = []
        base = None if compiler == "clang" or not style else _build(arch, compiler, None, None)["dir"] / "obj"
        for source in toolchain.sources(arch) + [gen / n for n in toolchain.GENERATED_SOURCES]:
            relative = Path(source).relative_to(out) if Path(source).is_absolute() else Path(source)
            obj = out / "obj" / relative.with_suffix(relative.suffix + ".o")
            obj.parent.mkdir(parents=True, exist_ok=True)
            objects.append(obj)
            reusable = _reusable(arch, compiler, source, base)
            if reusable is not None:
                shutil.copy(reusable, obj)
                continue
            result = subprocess.run(_compiler_argv(arch, compiler, source, obj, gen), cwd=ROOT,
                                    capture_output=True, text=True)
            if result.returncode != 0:
                raise VariantError(f"{arch}: {compiler} rejects {source}:\n{result.stderr.strip()}")
            warnings += [line for line in result.stderr.splitlines() if "warning:" in line]
        if not toolchain.link(arch, objects, elf, gen):
            raise VariantError(f"{arch} {name}: the link failed (ld.lld's message is above)")
        warnings_file.write_text("".join(f"{w}\n" for w in warnings))
    return {"elf": elf, "manifest": json.loads((gen / "manifest.json").read_text()), "dir": out,
            "warnings": warnings_file.read_text().splitlines()}
