"""Every arch folder declares the whole arch model interface (isr/arch_interface.py)."""
import ast
import importlib
from pathlib import Path

import pytest

from isr import arch_interface, arches

ROOT = Path(__file__).resolve().parents[2]
# Where shared code reads arch models: everything but the arch packages themselves.
SHARED = [p for folder in ("isr", "tools", "reports", "qemu") for p in (ROOT / folder).rglob("*.py")
          if not p.parent.name.startswith("arch_")] + [ROOT / "dodo.py"]


@pytest.mark.parametrize("arch", arches.names())
def test_the_package_declares_every_member(arch):
    model = arches.model(arch)
    missing = [name for name in arch_interface.members() if not hasattr(model, name)]
    assert not missing, f"isr/{model.__name__.split('.')[1]}/__init__.py lacks {missing} (isr/arch_interface.py)"


@pytest.mark.parametrize("arch", arches.names())
def test_each_module_defines_its_names(arch):
    model = arches.model(arch)
    for module, names in arch_interface.MODULES.items():
        loaded = importlib.import_module(f"{model.__name__}.{module}")
        missing = [name for name in names if not hasattr(loaded, name)]
        assert not missing, f"{model.__name__}.{module} lacks {missing} (isr/arch_interface.py MODULES)"


@pytest.mark.parametrize("arch", arches.names())
def test_the_folder_holds_nothing_the_interface_does_not_name(arch):
    """A new kind of fact gets its line in the interface before an arch grows it."""
    folder = Path(arches.model(arch).__file__).parent
    modules = {p.stem for p in folder.glob("*.py")} - {"__init__"}
    assert modules <= set(arch_interface.MODULES), sorted(modules - set(arch_interface.MODULES))


@pytest.mark.parametrize("arch", arches.names())
def test_the_vectors_only_int_raises_are_spec_slots(arch):
    """The tests look for them among the slots the spec may leave to the default handler."""
    model = arches.model(arch)
    raised = model.testing.RAISED_ONLY_BY_INT
    assert isinstance(raised, frozenset) and raised, f"{arch}: RAISED_ONLY_BY_INT is {raised!r}"
    assert raised <= set(model.HANDLER_VECTORS), sorted(raised - set(model.HANDLER_VECTORS))


def test_no_shared_code_reads_an_arch_model_with_a_default():
    """getattr(model, NAME, default) would hide an arch that forgot a member."""
    found = []
    for path in SHARED:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "getattr" and len(node.args) == 3:
                target = ast.unparse(node.args[0])
                if "arch" in target or "model" in target:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)}")
    assert not found, "\n".join(found)
