"""The arches, found on disk: one per arch model package, isr/arch_<arch>/.

The one list of arches. A package's NAME is the arch's name everywhere else
(dodo tasks, build/<arch>/, isr/<arch>.py, the tests); the folder spells it
with `_` for `-` (cortex-m: arch_cortex_m). Adding an arch is adding its
folder (the README's Layout section lists what goes in it).
"""
import importlib
from functools import cache
from pathlib import Path

PACKAGES = Path(__file__).resolve().parent


@cache
def models():
    """{arch name: its arch model package}, in the order of their names."""
    found = {}
    for init in PACKAGES.glob("arch_*/__init__.py"):
        package = importlib.import_module(f"isr.{init.parent.name}")
        found[package.NAME] = package
    return dict(sorted(found.items()))


def names():
    return tuple(models())


def model(name):
    """The arch model package of arch `name`; KeyError naming the known arches otherwise."""
    try:
        return models()[name]
    except KeyError:
        raise KeyError(f"unknown arch {name!r}; known: {', '.join(names())}") from None
