"""gradelib-style judging (grading/expect.py): GOOD for a wanted line seen, BAD for a
forbidden one, MISSING for a wanted line never seen; vectors named by handler."""
import pytest

from grading.expect import judge, resolve

OUTPUT = "riscv64> sleep 100\r\n[storm] vec=23 name=MTI count=256\r\nslept ms=100 ticks=10\r\n"


def test_good_bad_and_missing():
    passed, lines = judge(OUTPUT, [r"^slept ms=100 ticks=10$", r"^ticks=\d+"], [r"^\[storm\]"])
    assert not passed
    assert lines == ["BAD     [storm] vec=23 name=MTI count=256", "GOOD    slept ms=100 ticks=10",
                     r"MISSING '^ticks=\d+'"]


def test_every_wanted_line_and_nothing_forbidden_passes():
    assert judge(OUTPUT, [r"^slept ms=100 ticks=10$"], [r"^\[trap\]"]) == (True, ["GOOD    slept ms=100 ticks=10"])


def test_a_wanted_line_counts_once():
    passed, lines = judge("a\n", ["^a$", "^a$"], [])
    assert not passed and lines == ["GOOD    a", "MISSING '^a$'"]


def test_vectors_come_from_the_manifest():
    assert resolve(r"^vec={vector:on_student_timer} name", {"on_student_timer": 23}) == "^vec=23 name"
    with pytest.raises(KeyError, match="on_gone"):
        resolve("{vector:on_gone}", {})
