"""Handlers written in Zig or Rust, compiled to objects the C kernel links.

A language's sources for an arch are kernel/<arch>/*<suffix> (isr/languages.py:
.zig, .rs) and the arch-neutral ones in kernel/zig/, kernel/rust/ that the
arch's facts list (isr/arch_<arch>/toolchains.py TOOLCHAINS["zig"],
["rustc"] "sources": handlers that are the C convention there); each file is
compiled on its own, with the target and flags of those facts,
into build/<arch>/lang/<lang>/obj/<its path>.o (obj/<path>.o, as every
builder keeps its objects: tools/owned_symbols.py reads the source back). An object is rebuilt when its source,
the flags or the compiler is newer or other than what built it.

Zig: PyPI's ziglang in the venv (`python -m ziglang build-obj`), its caches
under build/zig-cache/ and emptied when past ZIG_CACHE_LIMIT.
Rust: Debian's rustc (rustc-web on Debian 12: /usr/bin/rustc, never a rustup
one on PATH, which a fresh machine does not have). Debian ships `core` for the
host only, so each bare-metal target's core is built here once per machine
and rustc version from Debian's rust-web-src (rust-src on Debian 13), as
metadata only: the handlers use core's traits, operators and naked_asm!, all
inlined or generic, and link against nothing of it, so no code of core is
generated (build/rust-core/<version>-<target>/, one per target). A handler
crate is `#![no_core]` with `extern crate core`: a no_std crate would pull in
compiler_builtins, which is not built here. Being one file, a crate
includes what the crates share, the C kernel's symbols and the vector numbers,
from kernel/rust/kernel.rs (core::include!), as Zig imports kernel/zig/kernel.zig.
"""
import fcntl
import functools
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from isr import arches
from isr.c_layout import vector_constants
from isr.languages import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"

ZIG = [sys.executable, "-m", "ziglang"]
ZIG_CACHE = BUILD / "zig-cache"
ZIG_CACHE_LIMIT = 300 * 1024 * 1024          # bytes; past it the cache is emptied before a compile
# ReleaseSmall: what a firmware build picks. No stack probes (there is no
# __zig_probe_stack here), no unwind tables (the linker scripts keep none),
# one section per function for --gc-sections.
ZIG_FLAGS = ["-OReleaseSmall", "-fno-stack-check", "-fno-unwind-tables", "-ffunction-sections",
             "-fsingle-threaded"]

# The C kernel's symbols the Zig handlers use, their module "kernel".
ZIG_KERNEL = ROOT / "kernel" / "zig" / "kernel.zig"

RUSTC = "/usr/bin/rustc"                      # Debian's (rustc-web), whatever PATH says
RUST_LIBRARY = Path("/usr/lib/rustlib/src/rust/library")     # rust-web-src / rust-src
RUST_CORE = BUILD / "rust-core"
RUST_FLAGS = ["--crate-type=lib", "--emit=obj", "--edition=2024", "-C", "panic=abort", "-C", "opt-level=2",
              "-C", "debuginfo=0", "-C", "overflow-checks=off"]
# The C kernel's symbols and the vector numbers, which every handler crate includes.
RUST_KERNEL = ROOT / "kernel" / "rust" / "kernel.rs"
# Unstable features (the avr and riscv interrupt ABIs, #![no_core]) on a stable rustc.
RUST_ENV = {"RUSTC_BOOTSTRAP": "1"}


class LanguageMissing(Exception):
    """A language's compiler or library is not here: the message says what to install."""


def facts(arch, lang):
    family = LANGUAGES[lang].family
    found = arches.model(arch).toolchains.TOOLCHAINS[family]
    if isinstance(found, str):
        raise LanguageMissing(f"{arch}: no {lang} handlers: {found}")
    return found


def sources(arch, lang):
    """kernel/<arch>/*.zig or *.rs, then the shared sources the arch's facts
    list (none where the language has no facts for the arch), relative to the
    repository."""
    own = sorted(p.relative_to(ROOT) for p in (ROOT / "kernel" / arch).glob(f"*{LANGUAGES[lang].suffix}"))
    found = arches.model(arch).toolchains.TOOLCHAINS[LANGUAGES[lang].family]
    return own + ([Path(s) for s in found["sources"]] if isinstance(found, dict) else [])


def object_path(arch, lang, source):
    return BUILD / arch / "lang" / lang / "obj" / Path(f"{source}.o")


# The longest a compile may take: core for a target takes about 17 s of CPU.
COMPILE_TIMEOUT = 600


def _run(argv, env=None):
    try:
        return subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, errors="replace",
                              env={**os.environ, **(env or {})}, timeout=COMPILE_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise LanguageMissing(f"{' '.join(argv)} ran past {COMPILE_TIMEOUT} s") from None


@functools.cache
def zig_version():
    result = _run(ZIG + ["version"]) if shutil.which(ZIG[0]) else None
    if result is None or result.returncode != 0:
        raise LanguageMissing("Zig is not installed in the venv: run tools/setup (requirements.txt: ziglang)")
    return result.stdout.strip()


@functools.cache
def rustc_version():
    """'1.96.0' of Debian's rustc; LanguageMissing naming the packages otherwise."""
    if not Path(RUSTC).exists() or not (RUST_LIBRARY / "core" / "src" / "lib.rs").exists():
        raise LanguageMissing(f"Debian's Rust is not installed ({RUSTC} and {RUST_LIBRARY}/core): run tools/setup "
                              f"as root, or apt-get install rustc-web rust-web-src (Debian 12)")
    said = _run([RUSTC, "-V"]).stdout.split()
    return said[1] if len(said) > 1 else "unknown"


def version(lang):
    return {"zig": zig_version, "rust": rustc_version}[lang]()


def _bound_zig_cache():
    if not ZIG_CACHE.exists():
        return
    size = sum(p.stat().st_size for p in ZIG_CACHE.rglob("*") if p.is_file())
    if size > ZIG_CACHE_LIMIT:
        shutil.rmtree(ZIG_CACHE, ignore_errors=True)


def rust_core(target):
    """build/rust-core/<version>-<target>/libcore.rmeta, built on first use
    (one process at a time; other versions' cores of the target removed)."""
    rust = rustc_version()
    folder = RUST_CORE / f"{rust}-{target}"
    rmeta = folder / "libcore.rmeta"
    RUST_CORE.mkdir(parents=True, exist_ok=True)
    with open(RUST_CORE / f".{target}.lock", "w") as lock:       # two targets build at once
        fcntl.flock(lock, fcntl.LOCK_EX)
        if rmeta.exists():
            return rmeta
        for old in RUST_CORE.glob(f"*-{target}"):
            shutil.rmtree(old, ignore_errors=True)
        folder.mkdir()
        argv = [RUSTC, "--crate-type=lib", "--crate-name=core", "--edition=2024", "--emit=metadata",
                "-C", "panic=abort", "-Zforce-unstable-if-unmarked", "-Zalways-encode-mir", "--target", target,
                "--out-dir", str(folder), str(RUST_LIBRARY / "core" / "src" / "lib.rs")]
        result = _run(argv, RUST_ENV)
        if result.returncode != 0:
            shutil.rmtree(folder, ignore_errors=True)
            raise LanguageMissing(f"building core for {target} failed:\n{' '.join(argv)}\n{result.stderr[-3000:]}")
    return rmeta


def constants(arch, lang):
    """The arch's vector numbers for the language's handlers, as gen/isr.h has
    them for C (ISR_VEC_<name>, ISR_IRQ_BASE), written to
    build/<arch>/lang/<lang>/isr<suffix> when they change: Zig imports it as
    the module "isr", Rust includes it (env ISR_CONSTANTS). They come from the
    arch model only, never the spec, so one object serves every spec."""
    model = arches.model(arch)
    pairs = [("IRQ_BASE", model.IRQ_BASE)] + [
        (name.split()[1].removeprefix("ISR_"), int(name.split()[2])) for name in vector_constants(model)]
    if lang == "zig":
        text = "".join(f"pub const {name} = {value};\n" for name, value in pairs)
    else:
        text = "".join(f"pub const {name}: u32 = {value};\n" for name, value in pairs)
    text = f"// Generated by tools/handler_langs.py from isr/arch_{arch.replace('-', '_')}/: do not edit.\n" + text
    path = BUILD / arch / "lang" / lang / f"isr{LANGUAGES[lang].suffix}"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text() != text:
        path.write_text(text)
    return path


def command_prefix(arch, lang):
    """The language's compile command for arch up to its inputs and output
    (tools/toolchains.py shows it as the toolchain's command line)."""
    found = facts(arch, lang)
    if lang == "zig":
        return ZIG + ["build-obj", "-target", found["target"]] + ZIG_FLAGS + found["flags"]
    return [RUSTC] + RUST_FLAGS + ["--target", found["target"]] + found["flags"]


def compile_command(arch, lang, source, obj):
    if lang == "zig":
        return command_prefix(arch, lang) + \
            ["--dep", "isr", "--dep", "kernel", f"-Mroot={source}", f"-Misr={constants(arch, lang)}",
             f"-Mkernel={ZIG_KERNEL}", f"-femit-bin={obj}"]
    core = rust_core(facts(arch, lang)["target"])
    return command_prefix(arch, lang) + ["--extern", f"core={core}", "-o", str(obj), str(source)]


def _key(arch, lang, source):
    """What an object was built from: the source's digest, the compiler's version and the command's flags."""
    found = facts(arch, lang)
    shared = (ZIG_KERNEL if lang == "zig" else RUST_KERNEL).read_bytes()
    text = (ROOT / source).read_bytes() + shared + constants(arch, lang).read_bytes() + \
        json.dumps([version(lang), found, ZIG_FLAGS, RUST_FLAGS]).encode()
    return hashlib.sha256(text).hexdigest()


def compile_one(arch, lang, source):
    """The object of one source, compiled unless the one there was built from the same key."""
    obj = object_path(arch, lang, source)
    stamp = Path(f"{obj}.key")
    key = _key(arch, lang, source)
    if obj.exists() and stamp.exists() and stamp.read_text() == key:
        return obj
    obj.parent.mkdir(parents=True, exist_ok=True)
    env = dict(RUST_ENV, ISR_CONSTANTS=str(constants(arch, lang)))
    if lang == "zig":
        _bound_zig_cache()
        env.update(ZIG_GLOBAL_CACHE_DIR=str(ZIG_CACHE), ZIG_LOCAL_CACHE_DIR=str(ZIG_CACHE))
    tmp = f"{obj}.{os.getpid()}.tmp"         # two builds of one tree never write one file
    argv = compile_command(arch, lang, ROOT / source, tmp)
    result = _run(argv, env)
    if result.returncode != 0:
        Path(tmp).unlink(missing_ok=True)
        raise LanguageMissing(f"{arch}: {lang} rejects {source}:\n{result.stderr.strip()}\n"
                              f"command: {' '.join(argv)}")
    os.replace(tmp, obj)
    stamp.write_text(key)
    return obj


def objects(arch, lang):
    """Every object of the language's sources for arch (a lock per arch and language: parallel tests share build/)."""
    lock_path = BUILD / arch / "lang" / f".{lang}.lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return [compile_one(arch, lang, source) for source in sources(arch, lang)]


def used(manifest):
    """The languages other than C that a manifest's handlers are written in, in LANGUAGES order."""
    langs = {slot.get("lang", "c") for slot in manifest["vectors"]}
    return [name for name in LANGUAGES if name in langs and LANGUAGES[name].family]


def link(arch, kernel_objects, elf, gen_dir):
    """tools/toolchain.py link() with the objects of every language that the
    spec's handlers are written in (gen/manifest.json): doit's link step, so a
    lang="zig" in isr/<arch>.py builds as a C handler does."""
    from tools import toolchain
    manifest = json.loads((Path(gen_dir) / "manifest.json").read_text())
    extra = []
    for lang in used(manifest):
        try:
            extra += objects(arch, lang)
        except LanguageMissing as error:
            print(f"{arch}: the spec binds {lang} handlers, which cannot be built:\n{error}", file=sys.stderr)
            return False
    return toolchain.link(arch, list(kernel_objects) + extra, elf, gen_dir)


def link_inputs(arch):
    """What a link with language objects reads besides the C objects: every
    language's sources for arch, and what they import or include."""
    shared = [ZIG_KERNEL] if sources(arch, "zig") else []
    shared += [RUST_KERNEL] if sources(arch, "rust") else []
    return [str(ROOT / s) for lang, language in LANGUAGES.items() if language.family for s in sources(arch, lang)] + \
        [str(p) for p in shared]
