"""`doit lab-start LAB`: put a lab's starter state into the student's tree, or take it out.

Nothing the student typed is ever lost: every edit is checked before any is
written, and where a file holds neither the text the starter replaces nor the
starter's own text (the student changed it), the whole start is refused with
the file and what to do. `--undo` takes the starter out only where its text is
still there as the starter wrote it; `--into DIR` starts the lab in a copy of
the tree instead. Each file is written whole, through a temporary and a rename.
"""
import os
import tempfile
from pathlib import Path

from grading.labs import load
from tools.toolchain import ROOT, copy_sources


class StarterError(Exception):
    """The starter cannot be applied (or undone) without losing the student's work."""


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w") as out:
        out.write(text)
    os.replace(temporary, path)


def _plan(lab, tree, undo):
    """(path, new text or None to delete) for each file still to change, or StarterError.
    Edits of one file apply in turn to its text in memory, so none undoes another."""
    texts, refused = {}, []
    for edit in lab.starter:
        path = Path(tree) / edit.file
        if path not in texts:
            texts[path] = path.read_text() if path.exists() else None
        text = texts[path]
        if edit.find is None:                       # a created file: absent before, the starter's text after
            done, todo = (None, edit.text) if undo else (edit.text, None)
            if text == todo:
                texts[path] = done
            elif text != done:
                refused.append(f"{edit.file}: {'has your edits' if undo else 'exists already, with your text'}")
            continue
        before, after = (edit.text, edit.find) if undo else (edit.find, edit.text)
        # The longer text first: a starter that adds lines keeps the found ones inside its own.
        state = None if text is None else next(
            (s for s in sorted((before, after), key=len, reverse=True) if text.count(s) == 1), None)
        if text is None:
            refused.append(f"{edit.file}: does not exist")
        elif state == before:
            texts[path] = text.replace(before, after)
        elif state is None:
            first = before.strip().splitlines()[0].strip()
            refused.append(f"{edit.file}: holds edits where the starter would write "
                           f"(the line {first!r} is not there as the lab expects)")
    if refused:
        verb = f"take lab {lab.name} out of" if undo else f"start lab {lab.name} in"
        fix = ("the starter's text was changed: keep your work, or restore those lines by hand (git diff shows them)"
               if undo else f"commit or move your edits first, or start it in a copy: "
                            f"doit lab-start {lab.name} --into DIR")
        raise StarterError(f"cannot {verb} {tree}, nothing was changed:\n" +
                           "".join(f"  {line}\n" for line in refused) + f"  {fix}")
    original = {path: (path.read_text() if path.exists() else None) for path in texts}
    return [(path, text) for path, text in texts.items() if text != original[path]]


def apply(lab, tree, undo=False):
    """Apply (or undo) a loaded lab's starter in tree, all or nothing; returns what changed."""
    plan = _plan(lab, tree, undo)
    for path, text in plan:
        if text is None:
            path.unlink()
        else:
            _write(path, text)
    return plan


def start(name, tree=ROOT, undo=False, into=None):
    """Apply (or undo) lab name's starter in tree, or in a fresh copy at into. Returns what it did, in words."""
    lab = load(name)
    if into is not None:
        into = Path(into)
        if into.exists() and any(into.iterdir()):
            raise StarterError(f"{into} is not empty: name a new folder for the lab's copy of the tree")
        into.mkdir(parents=True, exist_ok=True)
        copy_sources(into)
        tree = into
    plan = apply(lab, tree, undo)
    state = "taken out of" if undo else "in"
    if not plan:
        return f"lab {name}: the starter is already {state} {tree}; nothing to do"
    changed = ", ".join(str(path.relative_to(tree)) for path, _ in plan)
    return (f"lab {name}: starter {state} {tree} ({changed})" +
            ("" if undo else f"; the handout is {lab.handout.relative_to(ROOT)}; grade with `doit grade {name}`"))


def doit_step(lab, into, undo):
    """`doit lab-start LAB [--into DIR] [--undo]`: says what it did or why it refused; False on refusal."""
    from grading.labs import LabError, names
    if len(lab) != 1:
        print(f"usage: doit lab-start LAB [--into DIR] [--undo]; the labs are: {', '.join(names())}")
        return False
    try:
        print(start(lab[0], undo=undo, into=into or None))
    except (StarterError, LabError) as error:
        print(f"error: {error}")
        return False
    return True
