"""The edits the student guide asks for, read from its pages (docs/guide/first-handler/<arch>.md),
so that the guide and tests/pipeline/test_student_edits.py cannot drift.

A page marks each edit with a hidden line before a fenced code block:

    <!-- edit: add isr/x86_64.py after VECTORS = [ -->      the block's lines go after that line
    <!-- edit: file kernel/x86_64/student.c -->             the block is the whole file

and what raising the new handler prints with `<!-- expect: <arch> -->` before
a console block: the prompt and command, the report line (`0x...` stands for
any hex number) and the command's last line.
"""
import re
from pathlib import Path
from typing import NamedTuple

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "guide" / "first-handler"

_BLOCK = r"\n+```[\w-]*\n(.*?)\n```"
_EDIT = re.compile(r"<!-- edit: (add|file) (\S+)(?: after (.+?))? -->" + _BLOCK, re.S)
_EXPECT = re.compile(r"<!-- expect: (\S+) -->" + _BLOCK, re.S)


class Edit(NamedTuple):
    kind: str           # "add" or "file"
    path: str           # relative to the tree
    after: str          # add: the line the block goes after
    text: str           # the block


class Expected(NamedTuple):
    command: str        # what is typed at the prompt
    report: re.Pattern  # the whole report line
    last: str           # the command's last line


def pages():
    """{arch: page path} of every first-handler page."""
    found = {p.stem: p for p in sorted(GUIDE.glob("*.md"))}
    assert found, f"no first-handler pages in {GUIDE}"
    return found


def edits(page):
    found = [Edit(m[1], m[2], (m[3] or "").strip(), m[4]) for m in _EDIT.finditer(page.read_text())]
    assert found, f"{page}: no <!-- edit: ... --> marker before a code block"
    for edit in found:
        assert (edit.kind == "add") == bool(edit.after), f"{page}: {edit.kind} {edit.path}: 'after' is for add only"
    return found


def expected(page, arch):
    blocks = [m[2] for m in _EXPECT.finditer(page.read_text()) if m[1] == arch]
    assert len(blocks) == 1, f"{page}: expected one <!-- expect: {arch} --> block, found {len(blocks)}"
    lines = blocks[0].splitlines()
    assert len(lines) == 3 and lines[0].startswith(f"{arch}> "), f"{page}: the expect block is prompt, report, last"
    report = re.compile(re.escape(lines[1]).replace(re.escape("0x..."), "0x[0-9a-f]+"))
    return Expected(lines[0][len(arch) + 2:], report, lines[2])


def apply(tree, edit):
    """Make one edit in tree; a tree that already holds it is left as it is (a
    student's tree after the guide). Returns whether anything changed."""
    path = Path(tree) / edit.path
    if edit.kind == "file":
        if path.exists() and path.read_text() == edit.text + "\n":
            return False
        path.write_text(edit.text + "\n")
        return True
    text = path.read_text()
    lines = text.splitlines()
    if all(line in lines for line in edit.text.splitlines()):
        return False
    anchors = [i for i, line in enumerate(lines) if line.strip() == edit.after]
    assert len(anchors) == 1, f"{path}: expected one line {edit.after!r} to add after, found {len(anchors)}"
    at = anchors[0] + 1
    path.write_text("\n".join(lines[:at] + edit.text.splitlines() + lines[at:]) + "\n" * text.endswith("\n"))
    return True


def without(text, edit):
    """text (a spec) without the lines an add edit put there: the spec as the tests' small specs leave it."""
    added = set(edit.text.splitlines())
    return "".join(line for line in text.splitlines(keepends=True) if line.rstrip("\n") not in added)
