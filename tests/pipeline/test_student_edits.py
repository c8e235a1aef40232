"""A student's edits of the specs, made in a copy of the tree: the suite's own checks still pass there.

The edits are the README's walk-through ("Your first handler"): a new `abi`
software interrupt at 0x50 on x86_64, a style changed from `abi` to `stub`
(#BR, with its C definition), riscv64's machine-software handler replaced
by one of the student's, an SGI on aarch64 and arm32 and an IRQ line on cortex-m. The
copy then builds, the ELF and QEMU test files that cover those vectors run
there, reading the copy's manifest, and each new handler is raised.
"""
import json
import re
import shutil
import subprocess
import sys

import pytest

from isr.generate import render
from isr.load import arch_model
from qemu.console import Console
from tools import toolchain

ARCHES = ("x86_64", "riscv64", "aarch64", "cortex-m", "arm32")

# The test files that check what the edits touch, run in the copy.
CHECKS = ["tests/elf/test_kernel_elf.py", "tests/elf/test_riscv64_elf.py",
          "tests/qemu/test_softint.py", "tests/qemu/test_shell.py", "tests/qemu/test_exceptions.py",
          "tests/qemu/test_riscv64_interrupts.py", "tests/qemu/test_riscv64_shell.py"]

X86_HANDLER = """\
/* A student's first handler: isr/x86_64.py binds it to vector 0x50 in abi style. */
#include "isr.h"
#include "stats.h"
#include "trap_report.h"

/* Called from an abi handler, so it saves what it uses (ISR_CALLEE). */
ISR_CALLEE static void student_report(const struct interrupt_frame *frame)
{
    stats_count(ISR_VECTOR_on_student);
    x86_report(ISR_VECTOR_on_student, "abi", false, 0, frame, RESUME, 0);
}

ISR_ABI void on_student(struct interrupt_frame *frame)
{
    student_report(frame);       /* int raised it: nothing to acknowledge */
}
"""

RISCV_HANDLER = """\
/* A student's machine-software handler: isr/riscv64.py binds it to cause 3. */
#include "clint.h"
#include "isr.h"
#include "stats.h"
#include "trap_report.h"

ISR_ABI void on_student_msi(void)
{
    clint_soft_clear();          /* acknowledge: MSIP follows msip, and would fire again at mret */
    stats_count(ISR_VECTOR_on_student_msi);
    struct trap_csrs csrs = trap_csrs_read();
    riscv_report_begin(ISR_VECTOR_on_student_msi, "abi", &csrs);
    report_end(RESUME);
}
"""

AARCH64_HANDLER = """\
#include "isr.h"
#include "stats.h"
#include "trap_report.h"

void on_student_sgi(struct trap_frame *frame)
{
    stats_count((unsigned)frame->vector);
    a64_report((unsigned)frame->vector, "stub", frame, RESUME, 0);
}
"""

CORTEX_M_HANDLER = """\
#include "cm3.h"
#include "isr.h"
#include "stats.h"
#include "trap_report.h"

void on_student_irq(void)
{
    stats_count(ISR_VECTOR_on_student_irq);
    cm_report_begin(ISR_VECTOR_on_student_irq, "abi", ABI_EXCEPTION_FRAME());
    report_end(RESUME);
}
"""

ARM32_HANDLER = """\
#include "isr.h"
#include "stats.h"
#include "trap_report.h"

void on_student_sgi(const struct gic_irq *irq)
{
    stats_count(ISR_IRQ_BASE + irq->intid);
    a32_report_gic(irq, "stub");
    a32_report_end(RESUME, 0);
}
"""

def free_line(arch, first, count, named=None):
    """The first interrupt line first..first+count-1 that the shipped spec leaves to the default handler
    (named: and whose arch name starts so, a line nothing on the board drives)."""
    model = arch_model(arch)
    slots = json.loads(render(arch, toolchain.ROOT / "isr" / f"{arch}.py")["manifest.json"])["vectors"]
    return next(v - model.IRQ_BASE for v in range(model.IRQ_BASE + first, model.IRQ_BASE + first + count)
                if next(s for s in slots if s["vector"] == v)["style"] == "default"
                and (named is None or model.vector_name(v).startswith(named)))


SGI64, SGI32, LINE = free_line("aarch64", 0, 16), free_line("arm32", 0, 16), free_line("cortex-m", 0, 32, "IRQ")

# What each arch's edit adds, raised through the shell: command, report fields, last line.
RAISED = {
    "x86_64": ("int 0x50", "vec=80 name=SW style=abi", "int 0x50: returned rax=0x1050"),
    "riscv64": ("int 19", "vec=19 name=MSI style=abi", "int 19: returned"),
    "aarch64": (f"int {16 + SGI64}", f"vec={16 + SGI64} name=SGI{SGI64} style=stub", f"int {16 + SGI64}: returned"),
    "cortex-m": (f"int {16 + LINE}", f"vec={16 + LINE} name=IRQ{LINE} style=abi", f"int {16 + LINE}: returned"),
    "arm32": (f"int {8 + SGI32}", f"vec={8 + SGI32} name=SGI{SGI32} style=stub", f"int {8 + SGI32}: returned"),
}

BR_ABI = """ISR_ABI void on_bound_range(struct interrupt_frame *frame)
{
    exception_taken(ISR_VEC_BR, "abi", false, 0, frame, 0);
}"""
BR_STUB = """void on_bound_range(struct trap_frame *frame)
{
    exception_taken((unsigned)frame->vector, "stub", false, 0, &frame->iret, 0);
}"""


def edit(path, old, new):
    text = path.read_text()
    assert text.count(old) == 1, f"{path}: expected one {old!r} to edit"
    path.write_text(text.replace(old, new))


@pytest.fixture(scope="module")
def student_tree(tmp_path_factory):
    tree = tmp_path_factory.mktemp("student")
    toolchain.copy_sources(tree)
    shutil.copytree(toolchain.ROOT / "tests", tree / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(toolchain.ROOT / "pytest.ini", tree / "pytest.ini")
    edit(tree / "isr" / "x86_64.py", "VECTORS = [", 'VECTORS = [\n    interrupt(0x50, "on_student", style="abi"),')
    (tree / "kernel" / "x86_64" / "student.c").write_text(X86_HANDLER)
    edit(tree / "isr" / "x86_64.py", 'exception("#BR", "on_bound_range", style="abi")',
         'exception("#BR", "on_bound_range", style="stub")')
    edit(tree / "kernel" / "x86_64" / "exceptions.c", BR_ABI, BR_STUB)
    edit(tree / "isr" / "riscv64.py", 'irq(3, "machine_soft_naked_entry", style="naked")',
         'irq(3, "on_student_msi", style="abi")')
    (tree / "kernel" / "riscv64" / "student.c").write_text(RISCV_HANDLER)
    edit(tree / "isr" / "aarch64.py", "VECTORS = [",
         f'VECTORS = [\n    interrupt({SGI64}, "on_student_sgi", style="stub", priority=0xa0),')
    (tree / "kernel" / "aarch64" / "student.c").write_text(AARCH64_HANDLER)
    edit(tree / "isr" / "cortex-m.py", "VECTORS = [",
         f'VECTORS = [\n    irq({LINE}, "on_student_irq", style="abi", priority=0x80),')
    (tree / "kernel" / "cortex-m" / "student.c").write_text(CORTEX_M_HANDLER)
    edit(tree / "isr" / "arm32.py", "VECTORS = [",
         f'VECTORS = [\n    interrupt({SGI32}, "on_student_sgi", style="stub", priority=0xc0),')
    (tree / "kernel" / "arm32" / "student.c").write_text(ARM32_HANDLER)
    tasks = [f"{step}-{arch}" for arch in ARCHES for step in ("build", "check")]
    result = subprocess.run([sys.executable, "-m", "doit", *tasks], cwd=tree, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return tree


def test_the_edited_tree_keeps_its_checks_green(student_tree):
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "2", *CHECKS],
                            cwd=student_tree, capture_output=True, text=True)
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert re.search(r"\d+ passed", summary) and "failed" not in summary and "skipped" not in summary, summary
    # The copy's own build holds the edits: they were checked, not bypassed.
    x86 = (student_tree / "build" / "x86_64" / "gen" / "manifest.json").read_text()
    assert '"handler": "on_student"' in x86 and '"vector": 80' in x86
    assert '"handler": "on_student_msi"' in (student_tree / "build" / "riscv64" / "gen" / "manifest.json").read_text()


@pytest.mark.parametrize("arch", ARCHES)
def test_each_new_handler_runs_when_raised(student_tree, arch, tmp_path):
    command, fields, last = RAISED[arch]
    elf = student_tree / "build" / arch / "kernel.elf"
    with Console(arch, elf, tmp_path, "student") as console:
        console.boot()
        output = console.run(command)
    assert f"[trap] {fields} " in output, output
    assert output.rstrip().endswith(last), output
