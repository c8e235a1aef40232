"""Instructions per interrupt, counted by the QEMU plugin (reports/cost.py): exact
and repeatable, `abi` below `stub`, and every bad input named, never a zero count.

The bench vectors come from each kernel's manifest (bench=), never from the spec."""
import fcntl
import json
import subprocess
import sys

import pytest

from qemu.profiles import profile
from reports import cost, variants
from tools import toolchain, toolchains, versions
from tools.elf_symbols import Image

ROOT = toolchain.ROOT
# The kernel's own toolchain and the arch's GCC: what the suite times. Every
# other toolchain's rows are `doit cost`'s (tests/qemu/test_probes.py probes them).
KERNELS = [(arch, compiler) for arch in toolchain.TARGETS if cost.benched(arch)
           for compiler in [variants.own(arch)] + variants.second_compilers(arch)]


@pytest.fixture(scope="session")
def plugin():
    """The plugin, built by its doit task (one worker at a time: they share build/)."""
    lock_path = ROOT / "build" / ".build.lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = subprocess.run([sys.executable, "-m", "doit", "-f", str(ROOT / "dodo.py"), "plugin"],
                                cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"doit plugin failed:\n{result.stdout}\n{result.stderr}"
    return cost.PLUGIN


def manifest(arch):
    return json.loads((toolchain.build_dir(arch) / "gen" / "manifest.json").read_text())


@pytest.mark.parametrize("arch, compiler", KERNELS)
def test_counts_are_identical_over_two_runs_and_abi_costs_less_than_stub(arch, compiler, kernel, plugin,
                                                                         run_folder):
    kernel(arch)
    first, notes = cost.arch_report(arch, [compiler], probes=False, runs=run_folder(arch) / "first")
    second, _ = cost.arch_report(arch, [compiler], probes=False, runs=run_folder(arch) / "second")
    assert first == second
    assert not [note for note in notes if "warning" in note], "the kernel builds without a warning"
    measured = {(row["style"], row["shape"]): row for row in first}
    assert set(measured) == set(variants.wanted(arch)), "every style the arch has, in both shapes"
    simulator = profile(arch).launcher == "mspdebug-sim"      # counts instructions, not stores
    for row in first:
        assert row["insns"] > row["empty"] > 0 and (row["stores"] is None if simulator else row["stores"] > 0), row
    for shape in cost.SHAPES:
        if ("abi", shape) in measured and ("stub", shape) in measured:
            assert measured["abi", shape]["insns"] < measured["stub", shape]["insns"]


# One arch per launcher, the first of KERNELS: QEMU's plugin counts the one, mspdebug's simulator the other.
BY_LAUNCHER = {profile(arch).launcher: arch for arch, _ in reversed(KERNELS)}


@pytest.mark.parametrize("arch", sorted(BY_LAUNCHER.values()))
def test_each_row_names_what_counted_it(arch, kernel, plugin, run_folder):
    """A row QEMU counted names the plugin API its plugin declares; a row that
    mspdebug's simulator counted (qemu/mspdebug_sim.py --window, the tracer)
    names the simulator, and no plugin, which it never loads."""
    rows, _ = cost.kernel_rows(arch, variants.own(arch), kernel(arch), manifest(arch), run_folder(arch))
    counter = versions.describe(profile(arch).binary)
    assert rows
    for row in rows:
        if profile(arch).launcher == "qemu":
            assert row["qemu"] == f"{counter}, plugin API {versions.plugin_api()}", row
        else:
            assert row["qemu"] == f"{counter} simulator, tracer" and "plugin" not in row["qemu"], row


def test_every_bench_vector_of_the_manifest_is_measured_in_the_kernel_itself(kernel, plugin, run_folder):
    """x86_64 binds every style; each row of its own kernel is one bench vector of its manifest."""
    rows, _ = cost.kernel_rows("x86_64", variants.own("x86_64"), kernel("x86_64"), manifest("x86_64"),
                               run_folder("x86_64"))
    bench = [(s["vector"], s["handler"], s["style"], s["bench"]) for s in manifest("x86_64")["vectors"] if s["bench"]]
    assert [(r["vector"], r["handler"], r["style"], r["shape"]) for r in rows] == bench


def test_a_window_whose_pc_is_not_in_the_elf_is_named(kernel):
    """The cortex-m kernel has no swint_table: an x86_64 window cannot be placed in it."""
    slots = cost.bench_slots(manifest("x86_64"))
    with pytest.raises(cost.CostError, match=r"no symbol swint_table: the window's begin or end PC is not in the ELF"):
        cost.windows("x86_64", kernel("cortex-m"), slots)


def test_a_plugin_that_is_not_built_is_named_with_its_task(kernel, monkeypatch, tmp_path):
    monkeypatch.setattr(cost, "PLUGIN", tmp_path / "window.so")
    with pytest.raises(cost.CostError, match=r"plugin .* is not built: run `.venv/bin/python -m doit plugin`"):
        cost.measure("x86_64", kernel("x86_64"), manifest("x86_64"), tmp_path)


def test_a_plugin_that_qemu_cannot_load_gives_qemus_reason(kernel, plugin, monkeypatch, tmp_path):
    broken = tmp_path / "window.so"
    broken.write_text("not a shared object\n")
    monkeypatch.setattr(cost, "PLUGIN", broken)
    with pytest.raises(cost.CostError, match=r"(?s)QEMU stopped with the plugin .*window\.so.*Could not load plugin.*doit plugin"):
        cost.measure("x86_64", kernel("x86_64"), manifest("x86_64"), tmp_path)


def test_a_plugin_that_does_not_compile_says_so(tmp_path, capsys):
    source = tmp_path / "window.c"
    source.write_text("this is not C\n")
    assert not cost.build_plugin(source, tmp_path / "window.so")
    assert f"cannot build the QEMU plugin {source}" in capsys.readouterr().err


def test_a_missing_second_compiler_names_its_package(monkeypatch):
    which = toolchains.shutil.which
    monkeypatch.setattr(toolchains.shutil, "which", lambda name: None if name == "riscv64-unknown-elf-gcc" else which(name))
    with pytest.raises(variants.VariantError, match=r"riscv64 gcc: no `riscv64-unknown-elf-gcc` here; install it: "
                                                    r"apt-get install gcc-riscv64-unknown-elf"):
        variants.build("riscv64", "gcc")


def test_a_malformed_window_is_refused_by_the_plugin_itself(kernel, plugin, tmp_path):
    with pytest.raises(cost.CostError, match=r"(?s)QEMU stopped.*window plugin: bad argument 'w0=zz': "
                                             r"want NAME=BEGIN:END"):
        cost.session("x86_64", kernel("x86_64"), [], tmp_path, ["-plugin", f"{plugin},w0=zz"], what="the plugin")


def test_a_window_that_never_runs_is_an_error_not_a_zero_count(kernel, plugin, monkeypatch, tmp_path):
    """Windows placed where `bench` never goes (arch_exit runs only at `exit`):
    the plugin measures nothing, and the report refuses to show a count."""
    real = cost.windows

    def misplaced(arch, elf, slots):
        found, order = real(arch, elf, slots)
        symbols = Image(elf).symbols
        return {name: (symbols["arch_exit"].address, symbols["swint_table"].address) for name in found}, order
    monkeypatch.setattr(cost, "windows", misplaced)
    with pytest.raises(cost.CostError, match=r"the plugin reported 0 window\(s\) for 6 `bench` command\(s\)"):
        cost.measure("x86_64", kernel("x86_64"), manifest("x86_64"), tmp_path)
