"""doit lab-start (grading/starter.py): each lab's starter applies to the shipped tree
and comes out again to the byte; where the student's edits sit, it refuses and
changes nothing; --into starts the lab in a copy."""
import pytest

from grading import labs, starter
from tools import toolchain


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "tree"
    root.mkdir()
    toolchain.copy_sources(root)
    return root


def snapshot(root):
    return {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("lab", labs.names())
def test_the_starter_applies_and_comes_out_again(tree, lab):
    before = snapshot(tree)
    said = starter.start(lab, tree=tree)
    assert said.startswith(f"lab {lab}: starter in {tree}")
    after = snapshot(tree)
    assert after != before
    for edit in labs.load(lab).starter:
        text = (tree / edit.file).read_text()
        assert (edit.text in text) if edit.find is not None else (text == edit.text)
    assert "nothing to do" in starter.start(lab, tree=tree)           # twice: no change
    assert snapshot(tree) == after
    starter.start(lab, tree=tree, undo=True)
    assert snapshot(tree) == before


@pytest.mark.parametrize("lab", labs.names())
def test_the_students_edits_are_never_overwritten(tree, lab):
    edit = labs.load(lab).starter[0]
    target = tree / edit.file
    mine = (target.read_text() if target.exists() else "") + "\n# the student's own line\n"
    if edit.find is not None:
        mine = mine.replace(edit.find, edit.find.replace('"', "'"), 1)     # their edit of the same line
    target.write_text(mine)
    before = snapshot(tree)
    with pytest.raises(starter.StarterError) as refused:
        starter.start(lab, tree=tree)
    assert f"{edit.file}:" in str(refused.value) and "nothing was changed" in str(refused.value)
    assert f"--into DIR" in str(refused.value)
    assert snapshot(tree) == before


def test_undo_keeps_what_the_student_wrote(tree):
    starter.start("timer-riscv64", tree=tree)
    handler = tree / "kernel" / "riscv64" / "student_timer.c"
    handler.write_text(handler.read_text().replace("/* Your handler", "ticks_advance(); /* Your handler"))
    before = snapshot(tree)
    with pytest.raises(starter.StarterError, match="student_timer.c: has your edits"):
        starter.start("timer-riscv64", tree=tree, undo=True)
    assert snapshot(tree) == before


def test_into_a_copy_leaves_the_tree_alone(tmp_path):
    copy = tmp_path / "lab"
    said = starter.start("gate-x86_64", into=copy)
    assert str(copy) in said
    assert (copy / "isr" / "x86_64.py").read_text() != (toolchain.ROOT / "isr" / "x86_64.py").read_text()
    with pytest.raises(starter.StarterError, match="is not empty"):
        starter.start("gate-x86_64", into=copy)


def test_an_unknown_lab_names_the_labs():
    with pytest.raises(labs.LabError, match="the labs are: .*timer-riscv64"):
        labs.load("no-such-lab")
