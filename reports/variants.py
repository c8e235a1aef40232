"""Variant kernels for reports/cost.py: the same sources, built by another
toolchain (any entry of tools/toolchains.py that exists for the arch), or with
the spec's first bench vector rebound to another style.

build/<arch>/variants/<name>/ holds the variant's spec (when rebound), gen/,
obj/ and kernel.elf. Assembly is always assembled by the kernel's own
compiler: the variant is about what a compiler makes of the C handlers. A
variant is rebuilt when any input is newer than its kernel.elf, or when the
toolchain's version or command differs from the one that built it.
"""
import fcntl
import json
import shutil
import subprocess
from pathlib import Path

from isr.generate import generate
from isr.load import arch_model
from isr.validate import SpecError
from isr import arches
from tools import compiler_cache, toolchain, toolchains

ROOT = toolchain.ROOT

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


def own(arch):
    """The name of the toolchain the arch's kernel is built with (doit's build):
    its variants reuse doit's objects."""
    found = toolchains.own(arch)
    if found is None:
        raise VariantError(f"{arch}: the kernel's own compiler is not one of tools/toolchains.py's entries, "
                           f"or it is not installed: run tools/setup")
    return found.name


def compilers(arch):
    """Every toolchain that exists for arch here, the kernel's own first."""
    mine = own(arch)
    return [mine] + [e.name for e, missing in toolchains.for_arch(arch) if missing is None and e.name != mine]


def second_compilers(arch):
    """The arch's GCC beside its own compiler, where it has one: what the suite times (tests/qemu/test_cost.py)."""
    return [name for name in compilers(arch)[1:] if toolchains.entry(name).family == "gcc"]


def absent(arch):
    """[(toolchain name, why)] for every entry with no row on arch: no facts, or not installed."""
    return [(e.name, missing) for e, missing in toolchains.for_arch(arch) if missing is not None]


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
    if compiler == own(arch) or Path(source).suffix == ".S":
        return toolchain.compile_command(arch, source, obj, gen_dir)
    includes = [f"-I{d}" for d in toolchain.include_dirs(arch, gen_dir)]
    # Wall and Wextra stay on, but another compiler's warnings on this code are shown, not fatal.
    common = [f for f in toolchain.COMMON_CFLAGS if f != "-Werror"]
    # The bench handlers (and a student's) get what the kernel's build gives them (tools/toolchain.py SOURCE_CFLAGS).
    bench = bool(toolchain.source_cflags(arch, source))
    return toolchains.entry(compiler).argv(arch, common, bench) + includes + ["-c", str(source), "-o", str(obj)]


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


def sse_facts(arch):
    """The arch's SSE variant facts (isr/arch_<arch>/toolchains.py SSE); VariantError where it has none."""
    facts = arches.model(arch).toolchains.SSE
    if facts is None:
        raise VariantError(f"{arch}: no SSE variant (isr/arch_{arch.replace('-', '_')}/toolchains.py SSE is None)")
    return facts


def _sse_spec(arch, spec, out, facts):
    """Write a spec that binds the SSE handlers: the first abi counter bench
    vector's to facts["bench"], each of facts["rebind"]'s handlers to its SSE one."""
    out.write_text(
        f'"""isr/{arch}.py with the SSE variant\'s handlers bound (isr/arch_{arch}/toolchains.py SSE),\n'
        f'for reports/cost.py (reports/variants.py). Generated: do not edit."""\n'
        "from dataclasses import replace\n\n"
        "from isr.load import load_bindings\n\n"
        f"_SPEC = load_bindings({str(spec)!r})\n"
        "_BENCH = next(b for b in _SPEC if b.style == 'abi' and b.option('bench', '') == 'counter')\n"
        f"_REBIND = {dict(facts['rebind'])!r}\n"
        f"VECTORS = [replace(b, handler={facts['bench']!r}) if b is _BENCH else\n"
        "           replace(b, handler=_REBIND[b.handler]) if b.handler in _REBIND else b for b in _SPEC]\n")


def _sse_argv(arch, facts, source, argv):
    """The compile line of source in the SSE variant: its SSE sources with SSE
    on, the probe's sources with the xmm sentinels, the rest as they are."""
    if any(Path(source).match(p) for p in facts["sources"]):
        return [f for f in argv if f not in facts["drop"]] + facts["add"]
    if str(source) in facts["probe_sources"]:
        return argv + facts["defines"]
    return argv


def _inputs(arch, spec):
    files = [spec, toolchain.linker_script(arch)]
    for folder in ("isr", "kernel", "boot", "tools"):
        files += [p for p in (ROOT / folder).rglob("*") if p.suffix in (".py", ".c", ".h", ".S")]
    return files


def build(arch, compiler, style=None, shape=None, sse=False):
    """Build (or reuse) a variant kernel; {"elf": path, "manifest": dict, "dir": path,
    "warnings": the compiler's warnings, one string per line}. sse: the SSE
    variant (sse_facts) instead of a rebound style. One build at a time per
    arch: parallel test workers share build/."""
    lock_path = toolchain.build_dir(arch) / "variants" / ".lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _build(arch, compiler, style, shape, sse)


def _reusable(arch, compiler, source, base, sse=None):
    """An object built before that this variant may take as it is
    (tools/toolchain.py reusable_object): doit's own for the kernel's own
    compiler, and for every source it assembles; another toolchain's base
    variant (base, its obj/ folder) for a rebound one. None: compile it."""
    if Path(source).is_absolute():
        return None                         # generated: the variant's own gen/
    if sse is not None and _sse_argv(arch, sse, source, []):
        return None                         # built otherwise in the SSE variant
    if compiler == own(arch) or Path(source).suffix == ".S":
        return toolchain.reusable_object(arch, source)
    if base is None:
        return None
    return toolchain.reusable_object(arch, source, base / Path(source).with_suffix(Path(source).suffix + ".o"))


def _linker(arch, compiler):
    """The ld.lld for the toolchain's objects (None: the kernel's own)."""
    try:
        return None if compiler == own(arch) else toolchains.entry(compiler).linker(arch)
    except toolchains.ToolchainMissing as error:
        raise VariantError(str(error)) from None


def made_by(arch, compiler):
    """What a variant's objects are made by: the toolchain, its version and its
    command for arch. A variant built by another is rebuilt."""
    try:
        entry = toolchains.entry(compiler)
        linker = _linker(arch, compiler)
        return f"{entry.describe(arch)}: {' '.join(entry.argv(arch))}; linked by {' '.join(linker or ['ld.lld'])}\n"
    except KeyError as error:
        raise VariantError(f"{arch}: {error.args[0]}") from None
    except toolchains.ToolchainMissing as error:
        raise VariantError(str(error)) from None


def _build(arch, compiler, style, shape, sse=False):
    made = made_by(arch, compiler)
    sse = sse_facts(arch) if sse else None
    name = compiler + (f"-{style}-{shape}" if style else "") + ("-sse" if sse else "")
    out = toolchain.build_dir(arch) / "variants" / name
    gen = out / "gen"
    elf = out / "kernel.elf"
    spec = ROOT / "isr" / f"{arch}.py"
    if style or sse:
        out.mkdir(parents=True, exist_ok=True)
        variant_spec = out / "spec.py"
        if sse:
            _sse_spec(arch, spec, variant_spec, sse)
        else:
            _variant_spec(arch, spec, variant_spec, style, shape)
        spec_used = variant_spec
    else:
        spec_used = spec
    warnings_file = out / "warnings.txt"
    made_file = out / "made-by.txt"
    if not elf.exists() or max(p.stat().st_mtime for p in _inputs(arch, spec)) > elf.stat().st_mtime or \
            not made_file.exists() or made_file.read_text() != made:
        warnings = []
        try:
            generate(arch, str(spec_used), str(gen))
        except SpecError as error:
            raise VariantError(f"{arch} {name}: the variant spec is rejected:\n{error}") from None
        objects = []
        rebound = style or sse
        base = None if compiler == own(arch) or not rebound else _build(arch, compiler, None, None)["dir"] / "obj"
        extra = [p.relative_to(ROOT) for pattern in (sse or {}).get("sources", []) for p in sorted(ROOT.glob(pattern))]
        for source in toolchain.sources(arch) + extra + [gen / n for n in toolchain.GENERATED_SOURCES]:
            relative = Path(source).relative_to(out) if Path(source).is_absolute() else Path(source)
            obj = out / "obj" / relative.with_suffix(relative.suffix + ".o")
            obj.parent.mkdir(parents=True, exist_ok=True)
            objects.append(obj)
            reusable = _reusable(arch, compiler, source, base, sse)
            if reusable is not None:
                shutil.copy(reusable, obj)
                continue
            argv = _compiler_argv(arch, compiler, source, obj, gen)
            result = subprocess.run(_sse_argv(arch, sse, source, argv) if sse else argv, cwd=ROOT,
                                    env=compiler_cache.environment(ROOT, ROOT), capture_output=True, text=True)
            if result.returncode != 0:
                raise VariantError(f"{arch}: {compiler} rejects {source}:\n{result.stderr.strip()}")
            warnings += [line for line in result.stderr.splitlines() if "warning:" in line]
        if not toolchain.link(arch, objects, elf, gen, _linker(arch, compiler)):
            raise VariantError(f"{arch} {name}: the link failed (ld.lld's message is above)")
        warnings_file.write_text("".join(f"{w}\n" for w in warnings))
        made_file.write_text(made)
    return {"elf": elf, "manifest": json.loads((gen / "manifest.json").read_text()), "dir": out,
            "warnings": warnings_file.read_text().splitlines()}
