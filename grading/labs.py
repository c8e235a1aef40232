"""A lab as data: labs/<name>/lab.toml (what the starter changes, which files the
student hands in, the parts and their points) beside its handout.

The file's keys:
  title, arch, handout       the lab's name in words, its arch, its handout (Markdown, same folder)
  files                      globs of the student's files (taken from a submission; all else is the grader's)
  [[starter]]                one edit of the student's tree: file, and either find + replace (text
                             that must be there once) or create (a new file's text)
  [[part]]                   name, points, kind: "build" (doit build-<arch> check-<arch>),
                             "console" (commands, each with expect / forbid regexes), or
                             "cost" (handler: the student's handler; style: the style it must
                             have; slack: instructions over the minimum it may cost)
Regexes may name a handler's vector from the manifest: {vector:on_syscall}.
"""
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tools.toolchain import ROOT

LABS = ROOT / "labs"
KINDS = ("build", "console", "cost")


class LabError(Exception):
    """A lab's file is wrong or missing: the message names the file, the key and what to do."""


@dataclass(frozen=True)
class Edit:
    file: str
    find: str | None = None       # None: create the file
    text: str = ""                # the replacement, or the created file's text


@dataclass(frozen=True)
class Command:
    send: str
    expect: tuple = ()
    forbid: tuple = ()


@dataclass(frozen=True)
class Part:
    name: str
    points: int
    kind: str
    commands: tuple = ()
    handler: str = ""
    style: str = ""
    slack: int = 0


@dataclass(frozen=True)
class Lab:
    name: str
    title: str
    arch: str
    handout: Path
    files: tuple
    starter: tuple
    parts: tuple = field(default=())

    @property
    def points(self):
        return sum(p.points for p in self.parts)


def names():
    """Every lab under labs/, by folder name."""
    return sorted(p.parent.name for p in LABS.glob("*/lab.toml"))


def _need(table, key, kind, where):
    if key not in table:
        raise LabError(f"{where}: missing key {key!r}; add it ({kind.__name__})")
    if not isinstance(table[key], kind):
        raise LabError(f"{where}: {key} must be a {kind.__name__}, not {type(table[key]).__name__}")
    return table[key]


def load(name, labs=LABS):
    """The lab labs/<name>/lab.toml, checked."""
    path = Path(labs) / name / "lab.toml"
    if not path.exists():
        known = ", ".join(names()) or "none"
        raise LabError(f"no lab {name!r} ({path} does not exist); the labs are: {known}")
    try:
        data = tomllib.loads(path.read_text())
    except tomllib.TOMLDecodeError as error:
        raise LabError(f"{path}: {error}") from None
    where = str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    handout = path.parent / _need(data, "handout", str, where)
    if not handout.exists():
        raise LabError(f"{where}: handout {handout.name} does not exist beside it")
    starter = []
    for n, edit in enumerate(data.get("starter", []), 1):
        at = f"{where}: starter {n}"
        file = _need(edit, "file", str, at)
        if "create" in edit:
            starter.append(Edit(file, None, _need(edit, "create", str, at)))
        else:
            starter.append(Edit(file, _need(edit, "find", str, at), _need(edit, "replace", str, at)))
    parts = []
    for n, part in enumerate(_need(data, "part", list, where), 1):
        at = f"{where}: part {n}"
        kind = _need(part, "kind", str, at)
        if kind not in KINDS:
            raise LabError(f"{at}: kind {kind!r} unknown; use one of {', '.join(KINDS)}")
        commands = tuple(Command(_need(c, "send", str, at), tuple(c.get("expect", ())), tuple(c.get("forbid", ())))
                         for c in part.get("command", ()))
        if kind == "console" and not commands:
            raise LabError(f"{at}: a console part needs [[part.command]] entries (send, expect, forbid)")
        if kind == "cost":
            _need(part, "handler", str, at)
        parts.append(Part(_need(part, "name", str, at), _need(part, "points", int, at), kind, commands,
                          part.get("handler", ""), part.get("style", ""), part.get("slack", 0)))
    return Lab(name, _need(data, "title", str, where), _need(data, "arch", str, where), handout,
               tuple(_need(data, "files", list, where)), tuple(starter), tuple(parts))
