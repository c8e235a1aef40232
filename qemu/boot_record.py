"""Kernels that did not boot in this test run, remembered across its processes.

A kernel that never reaches its prompt makes every test that boots it wait
out its own limit (15 s and more each, minutes per arch) and explains
nothing new. So the first boot that fails leaves a record, and every later
boot of that kernel in the same run, in any process, fails at once with
that first diagnosis instead.

Which boots count against which:
- the arch's own kernel (build/<arch>/kernel.elf, no launch variant) failing
  counts against every kernel of the arch: a spec variant or a launch
  variant is built from the same sources, so it boots no further;
- any other kernel (a spec variant, another arch's ELF, a launch variant)
  failing counts against itself only: its failure may be what its test is
  about.

Only a plain boot to the prompt writes a record (qemu.console.Console.boot);
a boot with extra QEMU options (a plugin, GDB) only reads them, since the
options may be what failed.

The run is named by the environment (RUN_ENV), set by the test run
(tests/conftest.py) and inherited by every process it starts: doit tasks,
reports.cost, reports.explain. Outside a test run nothing is read or written.
"""
import hashlib
import os
from pathlib import Path

from tools import toolchain

RUN_ENV = "KERNEL_TEST_RUN"


def _is_the_arch_s_kernel(arch, elf):
    return Path(elf).resolve() == toolchain.kernel_elf(arch).resolve()


def _record(arch, elf, variant):
    name = "kernel" if _is_the_arch_s_kernel(arch, elf) else \
        "elf-" + hashlib.sha1(str(Path(elf).resolve()).encode()).hexdigest()[:12]
    return toolchain.build_dir(arch) / "runs" / os.environ[RUN_ENV] / \
        f"boot-failed-{name}{'-' + variant if variant else ''}.txt"


def _describe(arch, elf, variant):
    whose = f"the {arch} kernel" if _is_the_arch_s_kernel(arch, elf) else f"{elf} on {arch}"
    return whose + (f" ({variant})" if variant else "")


def earlier_failure(arch, elf, variant=None):
    """None, or why this kernel will not boot: a sentence and the first diagnosis."""
    if RUN_ENV not in os.environ:
        return None
    own = _record(arch, elf, variant)
    records = [(own, _describe(arch, elf, variant))]
    arch_wide = _record(arch, toolchain.kernel_elf(arch), None)
    if arch_wide != own:
        records.append((arch_wide, f"the {arch} kernel"))
    for record, whose in records:
        if record.exists():
            return (f"{whose} did not boot earlier in this run; not booting "
                    f"{'it' if record == own else _describe(arch, elf, variant)} again. "
                    f"First diagnosis, from {record.read_text()}")
    return None


def remember_failure(arch, elf, variant, diagnosis):
    """Write the record of a failed boot at once and whole (the first one stays)."""
    if RUN_ENV not in os.environ:
        return
    record = _record(arch, elf, variant)
    if record.exists():
        return
    record.parent.mkdir(parents=True, exist_ok=True)
    test = os.environ.get("PYTEST_CURRENT_TEST", "a boot outside pytest").rsplit(" (", 1)[0]
    partial = record.with_suffix(f".{os.getpid()}.tmp")
    partial.write_text(f"{test}:\n{diagnosis}")
    partial.replace(record)
