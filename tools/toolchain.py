"""How each arch's sources become objects and a linked kernel (clang + lld).

dodo.py decides when these run; tests call them too, to link variants.
"""
import fnmatch
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from isr import arches
from tools import compiler_cache, owned_symbols

ROOT = Path(__file__).resolve().parent.parent

# Each arch's build (isr/arch_<arch>/toolchains.py KERNEL): target triple,
# flags, sources, and the compiler and linker where they are not clang and lld.
TARGETS = {name: model.toolchains.KERNEL for name, model in arches.models().items()}

COMMON_CFLAGS = [
    "-std=c11", "-O2", "-g", "-ffreestanding", "-fno-builtin", "-nostdlib",
    "-fno-stack-protector", "-fno-omit-frame-pointer", "-fno-asynchronous-unwind-tables",
    "-ffunction-sections", "-fdata-sections", "-Wall", "-Wextra", "-Werror",
]

GENERATED_SOURCES = ("isr_table.S", "isr_stubs.S", "isr_info.c")

# Flags for hand-written sources on top of the arch's, by glob pattern. The bench
# handlers (kernel/<arch>/bench.c and the shared kernel/bench/*.c, measured by
# reports/cost.py) and a student's
# own handlers (kernel/<arch>/student*.c, the labs' files) are built as a
# production kernel builds an interrupt handler: no frame pointer in a leaf
# function, so a student's handler costs what the same body costs in bench.c.
# The rest of the kernel keeps one in every function, for backtraces.
SOURCE_CFLAGS = {"kernel/{arch}/bench.c": ["-momit-leaf-frame-pointer"],
                 "kernel/bench/*.c": ["-momit-leaf-frame-pointer"],
                 "kernel/{arch}/student*.c": ["-momit-leaf-frame-pointer"]}


# What `doit` needs to build every kernel from nothing.
SOURCE_TREE = ("dodo.py", "isr", "kernel", "boot", "linker", "tools", "qemu", "reports", "grading", "labs", "boards")


def build_dir(arch):
    return ROOT / "build" / arch


def kernel_elf(arch):
    """The arch's own kernel, as `doit build-<arch>` links it."""
    return build_dir(arch) / "kernel.elf"


def copy_sources(destination):
    """Copy SOURCE_TREE into destination, without build/ or caches: a fresh checkout."""
    for name in SOURCE_TREE:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, destination / name)


def sources(arch):
    """Hand-written sources of the kernel for arch, relative to the repository."""
    found = []
    for pattern in TARGETS[arch]["sources"]:
        found += sorted(p.relative_to(ROOT) for p in ROOT.glob(pattern))
    return found


def object_path(arch, source):
    """build/<arch>/obj/<path>.o for a hand-written or generated source."""
    source = Path(source)
    if source.is_absolute():
        source = source.relative_to(build_dir(arch))
    return build_dir(arch) / "obj" / source.with_suffix(source.suffix + ".o")


def include_dirs(arch, gen_dir):
    return [gen_dir, ROOT / "kernel", ROOT / "kernel" / arch]


def source_cflags(arch, source, table=SOURCE_CFLAGS):
    """The flags table gives source (a path relative to the repository, or under it), by glob pattern."""
    source = Path(source)
    if source.is_absolute():
        try:
            source = source.relative_to(ROOT)
        except ValueError:
            return []
    return [flag for pattern, flags in table.items()
            if fnmatch.fnmatchcase(source.as_posix(), pattern.format(arch=arch)) for flag in flags]


def compile_command(arch, source, obj, gen_dir):
    target = TARGETS[arch]
    includes = [f"-I{d}" for d in include_dirs(arch, gen_dir)]
    compiler = [compiler_cache.COMMAND] + target.get("cc", ["clang", f"--target={target['triple']}"])
    extra = source_cflags(arch, source, target.get("source_cflags", SOURCE_CFLAGS))
    return (compiler + COMMON_CFLAGS + target["cflags"] + extra + includes +
            ["-MMD", "-MF", f"{obj}.d", "-c", str(source), "-o", str(obj)])


def _run_once(argv):
    """_run, with each message line of the tool shown once: lld 14 evaluates a
    linker script's ASSERT more than once and prints its failure as many times
    (llvm/llvm-project#87535). Other lines, and their order, are kept."""
    result = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, errors="replace")
    for text, stream in ((result.stdout, sys.stdout), (result.stderr, sys.stderr)):
        seen = set()
        for line in text.splitlines(keepends=True):
            if line.strip() and line in seen:
                continue
            seen.add(line)
            stream.write(line)
        stream.flush()
    return result.returncode == 0


def remove_stale_temporaries(obj):
    """clang writes <name>-<random>.o.tmp and renames it onto <name>.o: a
    compile killed before the rename leaves that temporary for good."""
    obj = Path(obj)
    for stale in obj.parent.glob(f"{obj.stem}-*{obj.suffix}.tmp"):
        stale.unlink(missing_ok=True)


def compile_one(arch, source, obj, gen_dir):
    """Compile source to obj (clang writes a temporary and renames it, so no
    object is left half-written). On success, returns the digests of the
    headers it read, for headers_unchanged() to compare on the next run."""
    Path(obj).parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(obj)
    argv = compile_command(arch, source, obj, gen_dir)
    result = subprocess.run(argv, cwd=ROOT, env=compiler_cache.environment(ROOT, ROOT), capture_output=True,
                            text=True, errors="replace")
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    if result.returncode != 0:
        print(f"compile failed: {' '.join(argv)}", file=sys.stderr, flush=True)
        manifest = Path(gen_dir) / "manifest.json"
        if manifest.exists():
            print(*owned_symbols.compile_clashes(result.stderr, json.loads(manifest.read_text()), source),
                  sep="\n", file=sys.stderr, flush=True)
        return False
    return {"headers": {h: _digest(h) for h in header_deps(obj)}}


def _digest(path):
    return hashlib.md5(Path(path).read_bytes()).hexdigest()


def headers_unchanged(task, values):
    """doit uptodate check: every header the last compile read is as it was.

    Headers are not file_dep: they are known only after the first compile,
    and a file_dep list that grows makes doit rebuild once more for nothing."""
    headers = values.get("headers")
    if headers is None:
        return False
    return all(Path(h).exists() and _digest(h) == digest for h, digest in headers.items())


def header_deps(obj):
    """Headers that the last compile of obj read (from its -MMD file), or []."""
    depfile = Path(f"{obj}.d")
    if not depfile.exists():
        return []
    text = depfile.read_text().replace("\\\n", " ")
    _, _, deps = text.partition(":")
    # ccache (base_dir) writes them relative to the folder the compile ran in, the checkout.
    return [str(ROOT / d) for d in deps.split()[1:] if (ROOT / d).exists()]


def reusable_object(arch, source, obj=None):
    """obj (by default the object doit built for source) when a build against
    another gen/ (a variant spec, reports/variants.py and the spec-variant tests)
    may take it as it is, else None. It may when the last real compile of
    source read nothing from gen/ (its -MMD file says so; no file: assume it
    did) and obj is newer than source and every header that compile read.
    The caller compiles with the same compiler and flags as obj was built."""
    obj = Path(obj or object_path(arch, source))
    deps = header_deps(object_path(arch, source))
    gen = (build_dir(arch) / "gen").resolve()
    if not deps or not obj.exists() or any(Path(d).resolve().is_relative_to(gen) for d in deps):
        return None
    built = obj.stat().st_mtime
    return None if any(Path(p).stat().st_mtime > built for p in [ROOT / source, *deps]) else obj


def linker_script(arch):
    return ROOT / "linker" / f"{arch}.ld"


def link_command(arch, objects, out, gen_dir, lld=None):
    """lld: the ld.lld command to use instead of `ld.lld` (a variant's objects
    from a newer clang want its own lld: reports/variants.py)."""
    target = TARGETS[arch]
    linker = target.get("linker", [*(lld or ["ld.lld"]), "-nostdlib", "--gc-sections"])
    return (linker + target.get("ldflags", []) +
            ["-L", str(gen_dir), "-T", str(linker_script(arch)), "-o", str(out)] + [str(o) for o in objects] +
            target.get("libs", []))


def link(arch, objects, elf, gen_dir, lld=None):
    """Link with --gc-sections; gen_dir supplies the keep.ld that the script INCLUDEs
    and the manifest whose handlers must not be the kernel's own symbols
    (tools/owned_symbols.py): if one is, the ELF is not written."""
    Path(elf).parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(f"{elf}.{os.getpid()}.tmp")     # two builds of one tree never write one file
    if not _run_once(link_command(arch, objects, tmp, gen_dir, lld)):
        tmp.unlink(missing_ok=True)
        return False
    manifest = json.loads((Path(gen_dir) / "manifest.json").read_text())
    refused = owned_symbols.problems(manifest, objects, tmp, linker_script(arch).relative_to(ROOT),
                                     arches.model(arch).RESET_VECTOR)
    if refused:
        print("ISR spec rejected: these handlers are the kernel's own symbols, in the compiled objects:",
              *refused, sep="\n", file=sys.stderr, flush=True)
        tmp.unlink()
        return False
    tmp.replace(elf)
    return True
