"""Pages of the book that are files kept elsewhere in the tree: a page says
`<!-- include: labs/<lab>/handout.md -->` and the file's text stands there.

The labs keep their handouts and the teacher's guide beside their lab.toml
(labs/), where a teacher forking the tree finds them; the book shows the same
text, so the two cannot drift. Only files under INCLUDABLE may be included.
"""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INCLUDABLE = ("labs",)
MARKER = re.compile(r"^<!-- include: (\S+) -->$", re.M)


class IncludeError(Exception):
    """A marker names a file that is not there or not includable: the message says which."""


def fill(markdown):
    def text(match):
        name = match[1]
        path = (ROOT / name).resolve()
        if not any(path.is_relative_to(ROOT / folder) for folder in INCLUDABLE):
            raise IncludeError(f"<!-- include: {name} -->: only files under {', '.join(INCLUDABLE)}/ may be included")
        if not path.is_file():
            raise IncludeError(f"<!-- include: {name} -->: no such file in the tree")
        return path.read_text()
    return MARKER.sub(text, markdown)
