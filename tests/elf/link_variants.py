"""Link a kernel again from its built objects and freshly generated tables, to test the variants that must fail."""
from tools import toolchain


def gen_dir(arch):
    return toolchain.build_dir(arch) / "gen"


def hand_written_objects(arch):
    return [toolchain.object_path(arch, s) for s in toolchain.sources(arch)]


def compile_generated(arch, out):
    """Compile the generated sources in out (a gen/ directory) to out/obj/."""
    objects = []
    for name in toolchain.GENERATED_SOURCES:
        obj = out / "obj" / f"{name}.o"
        assert toolchain.compile_one(arch, out / name, obj, out)
        objects.append(obj)
    return objects
