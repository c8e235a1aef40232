"""A handler named like one of the kernel's own symbols is refused by the build,
at the spec line that binds it (tools/owned_symbols.py): at the link, from the
compiled objects' symbol tables, or at the compile, when gen/isr.h's prototype
clashes with the kernel's own declaration of the name. No kernel is written.

Each case adds one binding to the shipped spec of a copy of the repository and
runs doit there, as a user would."""
import subprocess
import sys

import pytest

from tools import toolchain


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    copy = tmp_path_factory.mktemp("repo")
    toolchain.copy_sources(copy)
    return copy


def build_with(tree, arch, line):
    """doit build-<arch> with line added as the last binding of the arch's spec;
    (the line's number, doit's stderr). The spec is put back afterwards."""
    spec = tree / "isr" / f"{arch}.py"
    shipped = spec.read_text()
    end = shipped.rindex("]")
    spec.write_text(f"{shipped[:end]}    {line},\n{shipped[end:]}")
    try:
        number = shipped[:end].count("\n") + 1
        result = subprocess.run([sys.executable, "-m", "doit", f"build-{arch}"], cwd=tree, capture_output=True,
                                text=True)
    finally:
        spec.write_text(shipped)
    assert result.returncode != 0, result.stdout
    assert not list((tree / "build" / arch).glob("kernel.elf*.tmp"))
    return number, result.stderr


@pytest.mark.parametrize("name, why", [
    ("kmain", "is the kernel's own symbol (defined in kernel/main.c and used by boot/x86_64/"),
    ("pvh_start32", "is the kernel's boot code (the ELF entry point, ENTRY in linker/x86_64.ld:"),
])
def test_a_kernel_symbol_is_refused_at_the_link(tree, name, why):
    number, said = build_with(tree, "x86_64", f'interrupt(0x90, "{name}", style="stub")')
    assert f"isr/x86_64.py:{number}: vector 144 (SW): handler '{name}' {why}" in said, said


@pytest.mark.parametrize("name", ["memset", "ticks", "recovery_resume"])
def test_a_name_the_kernel_declares_otherwise_is_refused_at_the_compile(tree, name):
    number, said = build_with(tree, "x86_64", f'interrupt(0x90, "{name}", style="stub")')
    assert f"isr/x86_64.py:{number}: vector 144 (SW): handler '{name}' clashes with the kernel's own {name} " \
           f"(the compiler's error above, compiling kernel/" in said, said


def test_the_reset_entry_may_be_bound_only_to_reset(tree):
    number, said = build_with(tree, "cortex-m", 'irq(5, "reset_entry", style="naked")')
    assert f"isr/cortex-m.py:{number}: vector 21 (UART2_TX): handler 'reset_entry' is the kernel's boot code " \
           f"(the ELF entry point, ENTRY in linker/cortex-m.ld:" in said, said
