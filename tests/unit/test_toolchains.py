"""The toolchain registry (tools/toolchains.py): every arch declares every
family, a name holds the version it promises or the toolchain is missing
with what to install, and the kernel's own compiler is one of the entries."""
import pytest

from isr import arches
from tools import toolchain, toolchains


def test_names_are_unique():
    assert len(set(toolchains.names())) == len(toolchains.names())


@pytest.mark.parametrize("arch", arches.names())
def test_every_arch_declares_every_family_with_facts_or_a_reason(arch):
    declared = arches.model(arch).toolchains.TOOLCHAINS
    for entry in toolchains.entries():
        facts = declared.get(entry.family)
        assert facts is not None, f"isr/arch_{arch}/toolchains.py TOOLCHAINS has no {entry.family!r}"
        if isinstance(facts, str):
            assert facts.strip(), f"{arch} {entry.family}: an empty reason"
        elif entry.language == "c":     # a handler language's facts are tools/handler_langs.py's
            assert isinstance(facts["cflags"], list) and isinstance(facts["bench_cflags"], list), facts


@pytest.mark.parametrize("arch", arches.names())
def test_the_kernels_own_compiler_is_an_entry(arch):
    own = toolchains.own(arch)
    assert own is not None, f"{arch}: {toolchain.TARGETS[arch].get('cc', ['clang'])[0]} is no entry's command"
    assert own.language == "c"


@pytest.mark.parametrize("arch", [a for a in arches.names() if "cc" not in toolchain.TARGETS[a]])
def test_every_clang_takes_the_kernels_triple_and_flags(arch):
    facts = arches.model(arch).toolchains.TOOLCHAINS["clang"]
    kernel = toolchain.TARGETS[arch]
    assert facts["target"] == [f"--target={kernel['triple']}"] and facts["cflags"] == kernel["cflags"]


def test_a_name_whose_command_says_another_version_is_missing_with_what_to_install():
    wrong = toolchains.Toolchain("clang-99", "clang", "c", (("clang",),), 99, toolchains.Install("apt", ("clang-99",)))
    with pytest.raises(toolchains.ToolchainMissing,
                       match=r"x86_64 clang-99: no `clang` that says version 99 here; install it: apt-get install "
                             r"clang-99"):
        wrong.command("x86_64")


def test_an_arch_without_the_family_says_why():
    with pytest.raises(toolchains.ToolchainMissing, match=r"msp430 gcc: Debian ships no MSP430 GCC"):
        toolchains.entry("gcc").command("msp430")


def test_an_unknown_name_lists_the_known_ones():
    with pytest.raises(KeyError, match=r"unknown toolchain 'clang-7'; known: clang-14, "):
        toolchains.entry("clang-7")


def test_setup_installs_each_entrys_debian_packages():
    """tools/setup asks `tools/toolchains.py apt-packages`: each clang's, its lld, and each arch's GCC."""
    wanted = toolchains.apt_packages()
    for entry in toolchains.entries():
        for arch in arches.names():
            try:
                entry.facts(arch)
            except toolchains.ToolchainMissing:
                continue
            assert set(toolchains.packages_for(entry, arch)) <= set(wanted), (entry.name, arch)
