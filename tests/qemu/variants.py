"""Build kernels from variants of a spec without touching build/: generate into
a folder of the test's own, compile the repository's sources against it and
link there. A source whose preprocessed text is the same as in an earlier
variant is not compiled again (most of the kernel never sees gen/isr.h)."""
import hashlib
import shutil
import subprocess
from pathlib import Path

from isr.generate import generate
from isr.load import arch_model
from tools import toolchain

CONSTRUCTORS = {"exception": "exception", "irq": "irq", "software": "interrupt"}


def spec_line(arch, slot):
    """The spec line that binds a manifest slot as the manifest records it."""
    model = arch_model(arch)
    options = "".join(f", {name}={value!r}" for name, value in sorted(slot["options"].items()))
    return (f'{CONSTRUCTORS[slot["kind"]]}({model.spec_number(slot["kind"], slot["vector"])}, '
            f'{slot["handler"]!r}, style={slot["style"]!r}{options})')


def write_spec(path, arch, slots):
    body = "".join(f"    {spec_line(arch, slot)},\n" for slot in slots)
    Path(path).write_text(f"from isr.spec import exception, interrupt, irq\n\nVECTORS = [\n{body}]\n")


class VariantBuilder:
    """build(spec) -> kernel.elf for one arch, every variant in its own folder under work."""

    def __init__(self, arch, work):
        self.arch, self.work = arch, Path(work)
        self.cache = {}          # digest of the preprocessed source -> object file

    def _compile(self, source, obj, gen):
        target = toolchain.TARGETS[self.arch]
        flags = [f"--target={target['triple']}"] + toolchain.COMMON_CFLAGS + target["cflags"]
        includes = [f"-I{d}" for d in toolchain.include_dirs(self.arch, gen)]
        pre = subprocess.run(["clang"] + flags + includes + ["-E", "-P", str(source)],
                             cwd=toolchain.ROOT, capture_output=True)
        key = hashlib.sha256(" ".join(flags).encode() + pre.stdout).hexdigest() if pre.returncode == 0 else None
        obj.parent.mkdir(parents=True, exist_ok=True)
        if key in self.cache:
            shutil.copy(self.cache[key], obj)
            return
        result = subprocess.run(["clang"] + flags + includes + ["-c", str(source), "-o", str(obj)],
                                cwd=toolchain.ROOT, capture_output=True, text=True)
        assert result.returncode == 0, f"{source} does not compile against {gen}:\n{result.stderr}"
        if key:
            self.cache[key] = obj

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
