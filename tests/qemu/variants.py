"""Build kernels from variants of a spec without touching build/: generate into
a folder of the test's own, compile the repository's sources against it and
link there. A source that reads nothing from gen/ (by its dependency file from
the last real build) is not compiled at all: doit's object is taken as it is
(tools/toolchain.py reusable_object); most of the kernel never sees gen/isr.h.
What does goes through ccache (tools/compiler_cache.py), run in the variant's
folder with that folder as base_dir: its gen/ hashes as `gen` wherever it is,
so the next run's same variant, in another temporary folder, is a hit."""
import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from isr.generate import generate
from isr.load import arch_model
from tools import compiler_cache, toolchain

from tests.facts import CONSTRUCTOR, bound


def spec_line(arch, slot):
    """The spec line that binds a manifest slot as the manifest records it. The
    manifest's options are resolved: the arch's defaults and what it derives
    (arm32's lr_offset and kind_return) are there too, and a spec may not say
    them all (arm32 refuses kind= on a stub), so only the options that differ
    from the defaults are written."""
    model = arch_model(arch)
    defaults = model.default_options(slot["vector"])
    chosen = {name: value for name, value in slot["options"].items() if name not in defaults or defaults[name] != value}
    if slot["bench"]:
        chosen["bench"] = slot["bench"]       # recorded apart from the options (isr/validate.py)
    options = "".join(f", {name}={value!r}" for name, value in sorted(chosen.items()))
    return (f'{CONSTRUCTOR[slot["kind"]]}({model.spec_number(slot["kind"], slot["vector"])}, '
            f'{slot["handler"]!r}, style={slot["style"]!r}{options})')


def spec_text(arch, slots):
    body = "".join(f"    {spec_line(arch, slot)},\n" for slot in slots)
    return f"from isr.spec import exception, interrupt, irq\n\nVECTORS = [\n{body}]\n"


def write_spec(path, arch, slots):
    Path(path).write_text(spec_text(arch, slots))


class VariantBuilder:
    """build(spec) -> kernel.elf for one arch, every variant in its own folder under work."""

    def __init__(self, arch, work):
        self.arch, self.work = arch, Path(work)

    def spec_file(self, name, slots):
        """Write the spec of slots where its path is the same on every run and in
        every worker: build/<arch>/variant-specs/, named by its content. gen/ names
        its spec in comments, so the same variant then generates the same bytes
        and ccache finds its objects without preprocessing again (direct mode)."""
        text = spec_text(self.arch, slots)
        path = toolchain.build_dir(self.arch) / "variant-specs" / \
            f"{name}-{hashlib.sha256(text.encode()).hexdigest()[:16]}.py"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            staging = path.with_name(f".{path.name}.{os.getpid()}")
            staging.write_text(text)
            staging.replace(path)           # whole or not at all; another worker may write the same
        return path

    def _compile(self, source, obj, gen):
        obj.parent.mkdir(parents=True, exist_ok=True)
        built = None if Path(source).is_absolute() else toolchain.reusable_object(self.arch, source)
        if built is not None:
            shutil.copy(built, obj)          # doit's object: same compiler and flags, nothing from gen/
            return
        folder = gen.parent
        argv = toolchain.compile_command(self.arch, toolchain.ROOT / source, obj, gen)   # the arch's own compiler
        result = subprocess.run(argv, cwd=folder, env=compiler_cache.environment(toolchain.ROOT, folder),
                                capture_output=True, text=True)
        assert result.returncode == 0, f"{source} does not compile against {gen}:\n{result.stderr}"

    def build(self, name, spec):
        """Generate from spec (SpecError if it is refused), compile and link; return the ELF."""
        folder = self.work / name
        gen = folder / "gen"
        generate(self.arch, spec, gen)
        sources = toolchain.sources(self.arch) + [gen / n for n in toolchain.GENERATED_SOURCES]
        objects = []
        for source in sources:
            obj = folder / "obj" / (Path(source).name + ".o") if Path(source).is_absolute() else \
                folder / "obj" / Path(f"{source}.o")
            self._compile(source, obj, gen)
            objects.append(obj)
        elf = folder / "kernel.elf"
        assert toolchain.link(self.arch, objects, elf, gen), f"{name}: the link failed (see stderr)"
        return elf


def leaving_one_out(arch, candidates, work):
    """(elf, vector): a variant of the arch's spec without one of its bound
    vectors that is among candidates and that nothing requires (the arch
    model's REQUIRED, a bench vector), for a test that needs such a vector left
    to the default handler where the spec (a student's) binds them all."""
    required = arch_model(arch).REQUIRED
    free = [s for s in bound(arch) if s["vector"] in candidates and not s["bench"]
            and s["vector"] not in required and s["handler"] not in required]
    assert free, f"{arch}: the spec binds every such vector, each required or a bench vector"
    left_out = free[-1]["vector"]
    builder = VariantBuilder(arch, work)
    spec = builder.spec_file("without", [s for s in bound(arch) if s["vector"] != left_out])
    return builder.build("without", spec), left_out
