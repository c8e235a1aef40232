"""Facts a QEMU test reads from build/<arch>/gen/manifest.json, never from the shipped spec."""
import json

from tools import toolchain


def slots(arch):
    return json.loads((toolchain.build_dir(arch) / "gen" / "manifest.json").read_text())["vectors"]


def slot_of(arch, handler):
    """The slot of a handler that the kernel binds by name (its gen/isr.h ISR_VECTOR_* constant)."""
    found = [s for s in slots(arch) if s["handler"] == handler]
    assert found, f"{arch}: no vector bound to {handler} in the manifest, but kernel/{arch} raises it"
    return found[0]


def tables(arch):
    return json.loads((toolchain.build_dir(arch) / "gen" / "manifest.json").read_text())["tables"]
