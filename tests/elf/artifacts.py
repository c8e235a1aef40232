"""What the ELF tests of every arch share: the build's files, variant links, the check command."""
import json
import subprocess
import sys

from tools import toolchain


def gen_dir(arch):
    return toolchain.build_dir(arch) / "gen"


def hand_written_objects(arch):
    return [toolchain.object_path(arch, s) for s in toolchain.sources(arch)]


def compile_generated(arch, out):
    """Compile the generated sources found in out (a variant of gen/) into out/obj."""
    objects = []
    for name in toolchain.GENERATED_SOURCES:
        obj = out / "obj" / f"{name}.o"
        assert toolchain.compile_one(arch, out / name, obj, out)
        objects.append(obj)
    return objects


def run_check_command(arch, elf):
    """`python -m tools.check_elf` on the build's manifest; returns its stdout after asserting success."""
    result = subprocess.run([sys.executable, "-m", "tools.check_elf", str(elf), str(gen_dir(arch) / "manifest.json")],
                            capture_output=True, text=True, cwd=toolchain.ROOT)
    assert result.returncode == 0, result.stderr
    return result.stdout


def check_summary(arch):
    """The last line check_elf prints for the built kernel, its counts from the
    manifest (a spec edit, or a bench vector, changes them)."""
    manifest = json.loads((gen_dir(arch) / "manifest.json").read_text())
    bound = sum(1 for s in manifest["vectors"] if s["style"] != "default")
    return f"{len(manifest['vectors'])} table entries and {bound} spec handlers check out"


def point_elsewhere(slot, other):
    """Make a manifest slot name other's table word (its storm guard, or its entry)
    and other's entry: the check must then find the table pointing elsewhere, and
    nothing else wrong."""
    slot["guard"], slot["entry"] = other["guard"], other["entry"]
