"""The toolchains, as data: one named entry each (issue 24).

An entry says which command it is (the candidates, and the major version its
name promises, checked by asking the command), its language, and how it is
installed (Debian package or PyPI requirement). What a toolchain needs for
one arch (the flags that choose the target, the arch's flags, the bench
handlers' extra flags, the command where the arch decides it, as for the
cross GCCs) lives in that arch's folder: isr/arch_<arch>/toolchains.py
TOOLCHAINS[<entry's family>], a dict, or a string giving the reason the
toolchain has nothing for the arch. Every family is declared by every arch.

Adding a toolchain is one entry in ENTRIES (plus its family's per-arch
facts, where it is a new family). reports/variants.py builds a kernel with
any entry; reports/cost.py measures and probes each entry that exists for an
arch; tools/setup installs what ENTRIES name.

    .venv/bin/python -m tools.toolchains            what each entry is here, per arch
    python3 tools/toolchains.py apt-packages        the Debian packages of the entries
"""
import functools
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):          # run as a file by tools/setup, before the venv exists
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from isr import arches                 # noqa: E402
from tools import handler_langs, versions     # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Install:
    """How tools/setup gets a toolchain: `apt` packages (the first of each
    alternative that the distro has: Debian 12 and 13 name some differently),
    `arch` (the package the arch's facts name, the cross GCCs), or `pip` (a
    requirement of requirements.txt, into the venv)."""
    how: str
    packages: tuple = ()


@dataclass(frozen=True)
class Toolchain:
    name: str               # the row name in reports: "clang-22", "gcc", "zig-cc"
    family: str             # the key of its facts in isr/arch_<arch>/toolchains.py TOOLCHAINS
    language: str           # "c" here; the Zig and Rust entries add theirs
    commands: tuple         # candidate argv prefixes, tried in order; () : the arch's facts name it ("cc")
    major: int | None       # the major version the name promises (checked against --version), None: any
    install: Install
    version_argv: tuple = ("--version",)   # what to append to the command to make it say its version
    # The ld.lld that links its objects, where the kernel's may be too old for
    # them (clang 19's RISC-V debug information has relocations lld 14 does
    # not know); None: the kernel's own linker.
    lld: tuple = None

    def facts(self, arch):
        """The arch's facts for this toolchain (a dict); ToolchainMissing with
        the reason when the arch declares none."""
        table = arches.model(arch).toolchains.TOOLCHAINS
        if self.family not in table:
            raise ToolchainMissing(f"isr/arch_{arch.replace('-', '_')}/toolchains.py TOOLCHAINS declares nothing "
                                   f"for the {self.family!r} family of {self.name}: add its facts there, or "
                                   f"the reason it has none (a string)")
        facts = table[self.family]
        if isinstance(facts, str):
            raise ToolchainMissing(f"{arch} {self.name}: {facts}")
        return facts

    def command(self, arch):
        """The argv prefix that runs this toolchain for arch on this machine;
        ToolchainMissing saying what to install when there is none."""
        facts = self.facts(arch)
        candidates = [tuple(facts["cc"])] if "cc" in facts else list(self.commands)
        for candidate in candidates:
            if shutil.which(candidate[0]) is None:
                continue
            said = probe(candidate + self.version_argv)
            if said is not None and (self.major is None or said[0] == self.major):
                return list(candidate)
        said = " or ".join(f"`{' '.join(c)}`" for c in candidates)
        version = f" that says version {self.major}" if self.major is not None else ""
        raise ToolchainMissing(f"{arch} {self.name}: no {said}{version} here; install it: {self.how_to_install(arch)}")

    def linker(self, arch):
        """The ld.lld argv prefix for a kernel of this toolchain's objects, or None for the kernel's own."""
        if self.lld is None:
            return None
        if shutil.which(self.lld[0]) is None:
            raise ToolchainMissing(f"{arch} {self.name}: no `{' '.join(self.lld)}` to link its objects; install it: "
                                   f"{self.how_to_install(arch)}")
        return list(self.lld)

    def version(self, arch):
        """(major, minor, patch) of the command found for arch."""
        return probe(tuple(self.command(arch)) + self.version_argv)

    def describe(self, arch):
        """'clang-22 22.1.8', 'gcc 12.2.0', 'zig-cc 22.1.8 (zig 0.17.1)': for reports."""
        said = f"{self.name} {versions.dotted(self.version(arch))}"
        if self.family == "zig-cc":
            said += f" (zig {versions.dotted(probe(tuple(self.command(arch)[:-1]) + ('version',)))})"
        return said

    def how_to_install(self, arch=None):
        if self.install.how == "pip":
            return f"tools/setup (requirements.txt: {' '.join(self.install.packages)})"
        packages = packages_for(self, arch) if arch else list(self.install.packages)
        return f"apt-get install {' '.join(packages)} (or run tools/setup as root)"

    def argv(self, arch, common=(), bench=False):
        """The compile command for a C source of the kernel, up to the
        include folders and the file names: command, the common flags,
        target, arch flags and, for the bench handlers, their extra flags."""
        if self.language != "c":     # a handler language: its own compile line (tools/handler_langs.py)
            return handler_langs.command_prefix(arch, self.language)
        facts = self.facts(arch)
        return self.command(arch) + list(common) + list(facts.get("target", [])) + list(facts["cflags"]) + \
            (list(facts["bench_cflags"]) if bench else [])


class ToolchainMissing(Exception):
    """A toolchain has nothing for an arch, or is not installed: the message says why, or what to install."""


@functools.cache
def probe(argv):
    """(major, minor, patch) of the first dotted number argv prints, or None
    when it fails (`python -m ziglang` without ziglang installed)."""
    try:
        result = subprocess.run(list(argv), capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    return versions.parse(result.stdout + result.stderr)


# The venv's Python (not the file its link points to: that one has no ziglang).
ZIG = (sys.executable, "-m", "ziglang")

ENTRIES = (
    # Debian 12's `clang` is 14 (package clang-14); Debian 13's `clang` is 19
    # and it has no clang-14 (apt-cache policy: no candidate): the name is
    # what --version says.
    Toolchain("clang-14", "clang", "c", (("clang-14",), ("clang",)), 14, Install("apt", ("clang-14",))),
    Toolchain("clang-19", "clang", "c", (("clang-19",), ("clang",)), 19, Install("apt", ("clang-19", "lld-19")),
              lld=("ld.lld-19",)),
    # Debian 12: from bookworm-security (22.1.8-1~deb12u1); Debian 13: trixie
    # main (22.1.8-1~deb13u5). Both have clang-19 and lld-19 in main.
    Toolchain("clang-22", "clang", "c", (("clang-22",), ("clang",)), 22, Install("apt", ("clang-22", "lld-22")),
              lld=("ld.lld-22",)),
    # The distro's GCC for x86_64 and the cross GCCs: the arch's facts name the command and package.
    Toolchain("gcc", "gcc", "c", (), None, Install("arch")),
    Toolchain("avr-gcc", "avr-gcc", "c", (), None, Install("arch")),
    # PyPI's ziglang wheel: `python -m ziglang cc` is Zig's clang (22.1.8 in Zig 0.17.1).
    Toolchain("zig-cc", "zig-cc", "c", (ZIG + ("cc",),), None, Install("pip", ("ziglang",)), lld=ZIG + ("ld.lld",)),
    # Handlers in Zig's own conventions and in Rust (isr/languages.py): each
    # language's kernel is reports/lang_kernels.py's. Debian's rustc by its
    # file, so a rustup one earlier on PATH is never taken; Debian ships core
    # for the host only, and its source (rust-web-src) builds the targets'.
    Toolchain("zig", "zig", "zig", (ZIG,), None, Install("pip", ("ziglang",)), version_argv=("version",)),
    Toolchain("rustc", "rustc", "rust", ((handler_langs.RUSTC,),), None, Install("apt", ("rustc-web", "rust-web-src")),
              version_argv=("-V",)),
)


def entries():
    return ENTRIES


def entry(name):
    for found in ENTRIES:
        if found.name == name:
            return found
    raise KeyError(f"unknown toolchain {name!r}; known: {', '.join(names())}")


def names():
    return tuple(e.name for e in ENTRIES)


def for_arch(arch):
    """[(entry, None)] for each toolchain that exists for arch here, and
    [(entry, reason)] for each that does not (no facts, or not installed)."""
    found = []
    for each in ENTRIES:
        try:
            each.command(arch)
            found.append((each, None))
        except ToolchainMissing as why:
            found.append((each, str(why)))
    return found


def own(arch):
    """The entry the kernel itself is built with for arch (the same
    executable as tools/toolchain.py's compiler), or None."""
    target = arches.model(arch).toolchains.KERNEL
    kernel_cc = shutil.which(target.get("cc", ["clang"])[0])
    if kernel_cc is None:
        return None
    for each, missing in for_arch(arch):
        if missing is None and each.language == "c":
            found = shutil.which(each.command(arch)[0])
            if found and os.path.realpath(found) == os.path.realpath(kernel_cc):
                return each
    return None


def installable(toolchain):
    """This machine could have toolchain: a PyPI one (requirements.txt), or one
    whose Debian packages all have a candidate here (`apt-cache policy`): Debian
    13 has no clang-14, for one."""
    if toolchain.install.how == "pip":
        return True
    packages = list(toolchain.install.packages)
    if toolchain.install.how == "arch":
        packages = [p for arch in arches.names() for p in _packages_or_none(toolchain, arch)]
    if shutil.which("apt-cache") is None:
        return True
    for package in packages:
        said = subprocess.run(["apt-cache", "policy", package], capture_output=True, text=True).stdout
        if "Candidate:" not in said or "Candidate: (none)" in said:
            return False
    return True


def _packages_or_none(toolchain, arch):
    try:
        return packages_for(toolchain, arch)
    except ToolchainMissing:
        return []


def packages_for(toolchain, arch):
    """The Debian packages that bring toolchain for arch ([] for pip ones)."""
    if toolchain.install.how == "arch":
        facts = toolchain.facts(arch)
        return [facts["package"]] if "package" in facts else []
    return list(toolchain.install.packages) if toolchain.install.how == "apt" else []


def apt_packages():
    """Every Debian package the entries name, over every arch that has facts for them."""
    wanted = []
    for each in ENTRIES:
        for arch in arches.names():
            try:
                found = packages_for(each, arch)
            except ToolchainMissing:
                continue
            wanted += [p for p in found if p not in wanted]
    return wanted


def main(argv):
    if argv == ["apt-packages"]:
        print("\n".join(apt_packages()))
        return 0
    if argv:
        print(f"usage: {Path(__file__).name} [apt-packages]", file=sys.stderr)
        return 2
    for arch in arches.names():
        mine = own(arch)
        for each, missing in for_arch(arch):
            if missing:
                print(f"{arch:<9} {each.name:<9} -  {missing}")
            else:
                own_mark = "  (the kernel's own)" if each is mine else ""
                print(f"{arch:<9} {each.name:<9} {each.describe(arch)}{own_mark}  {' '.join(each.argv(arch))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
