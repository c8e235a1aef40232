"""Load a user's spec module from its file, turning Python errors into spec errors."""
import importlib.util
import traceback
from pathlib import Path

from dataclasses import replace

from isr.spec import Binding, Where
from isr.validate import SpecError

ARCH_MODELS = {"x86_64": "isr.arch_x86_64", "aarch64": "isr.arch_aarch64",
               "riscv64": "isr.arch_riscv64", "cortex-m": "isr.arch_cortex_m",
               "arm32": "isr.arch_arm32", "avr": "isr.arch_avr",
               "msp430": "isr.arch_msp430"}   # arch name -> arch model package


def arch_model(name):
    if name not in ARCH_MODELS:
        raise SpecError([f"unknown arch {name!r}; known: {', '.join(sorted(ARCH_MODELS))}"])
    return importlib.import_module(ARCH_MODELS[name])


def load_bindings(path):
    """Execute the spec file and return its VECTORS list."""
    path = Path(path)
    if not path.is_file():
        raise SpecError([f"{path}: spec file not found; create it with a VECTORS list"])
    spec = importlib.util.spec_from_file_location(f"_isr_spec_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except SyntaxError as error:
        raise SpecError([f"{path}:{error.lineno}: syntax error: {error.msg}"]) from None
    except Exception as error:  # the user's file: report where it broke, in their file
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == str(path)]
        line = frames[-1].lineno if frames else 0
        raise SpecError([f"{path}:{line}: {type(error).__name__}: {error}"]) from None
    bindings = getattr(module, "VECTORS", None)
    if not isinstance(bindings, (list, tuple)):
        raise SpecError([f"{path}: defines no VECTORS list; add VECTORS = [exception(...), irq(...), ...]"])
    strangers = [f"{path}: VECTORS[{i}] is {b!r}, not a binding; build it with exception(), irq() "
                 f"or interrupt() from isr.spec" for i, b in enumerate(bindings) if not isinstance(b, Binding)]
    if strangers:
        raise SpecError(strangers)
    # Name the file as the user gave it, not as the import machinery resolved it.
    return [replace(b, where=Where(str(path), b.where.line)) for b in bindings]
