"""The object cache behind the spec-variant builds (tools/object_cache.py):
a hit only when the compile would read the same things, with a real compiler."""
import os
import subprocess
import time

import pytest

from tools import object_cache
from tools.object_cache import ObjectCache


@pytest.fixture
def project(tmp_path):
    """A source that reads a header from gen/ and one from beside it, and a
    compile(gen, obj) that builds it as the variant builder does."""
    (tmp_path / "include").mkdir()
    (tmp_path / "include" / "shared.h").write_text("#define SHARED 2\n")
    source = tmp_path / "handler.c"
    source.write_text('#include "isr.h"\n#include "shared.h"\nint handler(void) { return VECTOR * SHARED; }\n')

    def gen(folder, vector, spec):
        folder.mkdir(parents=True)
        (folder / "isr.h").write_text(f"/* generated from {spec} */\n#define VECTOR {vector}\n")
        (folder / "manifest.json").write_text(f'{{"spec": "{spec}"}}\n')
        return folder

    def command(gen_dir, obj):
        return ["clang", "-c", "-O2", f"-I{gen_dir}", f"-I{tmp_path / 'include'}",
                "-MMD", "-MF", f"{obj}.d", str(source), "-o", str(obj)]

    def compile_(gen_dir, obj):
        obj.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(command(gen_dir, obj), check=True)

    return tmp_path, source, gen, command, compile_


def stored(project):
    """A cache holding handler.c compiled against a gen/ (VECTOR 3) from a.py."""
    root, source, gen, command, compile_ = project
    cache = ObjectCache(root / "cache")
    first_gen, first_obj = gen(root / "a" / "gen", 3, root / "a.py"), root / "a" / "handler.o"
    compile_(first_gen, first_obj)
    cache.store(command(first_gen, first_obj), source, first_obj, first_gen, root / "a.py")
    return cache, first_gen, first_obj


def test_the_same_compile_against_an_equal_gen_elsewhere_is_a_hit(project):
    root, source, gen, command, _ = project
    cache, _, first_obj = stored(project)
    # Another run: another folder, another spec path (named in gen/'s comments), the same vectors.
    other_gen, other_obj = gen(root / "b" / "gen", 3, root / "b-longer.py"), root / "b" / "obj" / "handler.o"
    assert cache.fetch(command(other_gen, other_obj), source, other_obj, other_gen, root / "b-longer.py")
    assert other_obj.read_bytes() == first_obj.read_bytes()


def test_a_change_in_gen_in_a_header_or_in_the_source_is_a_miss(project):
    root, source, gen, command, _ = project
    cache, first_gen, _ = stored(project)
    obj = root / "b" / "handler.o"

    other_vector = gen(root / "b" / "gen", 4, root / "a.py")
    assert not cache.fetch(command(other_vector, obj), source, obj, other_vector, root / "a.py")
    assert not obj.exists()

    (root / "include" / "shared.h").write_text("#define SHARED 5\n")      # read by the compile, outside gen/
    assert not cache.fetch(command(first_gen, obj), source, obj, first_gen, root / "a.py")
    (root / "include" / "shared.h").write_text("#define SHARED 2\n")
    assert cache.fetch(command(first_gen, obj), source, obj, first_gen, root / "a.py")

    source.write_text(source.read_text() + "int other(void) { return 0; }\n")
    assert not cache.fetch(command(first_gen, obj), source, obj, first_gen, root / "a.py")
    assert not cache.fetch(command(first_gen, obj) + ["-O0"], source, obj, first_gen, root / "a.py")


def test_old_entries_leftover_staging_and_the_least_used_beyond_the_limit_go(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    now = time.time()
    ages = {"old": object_cache.UNUSED_FOR + 60, "lru": 30, "recent": 10, "newest": 0,
            ".staging-killed": object_cache.STAGING_LEFT_FOR + 60, ".staging-busy": 0}
    for name, age in ages.items():
        entry = folder / "ab" / name
        entry.mkdir(parents=True)
        if not name.startswith("."):
            (entry / "object.o").write_bytes(b"x" * 100)
        os.utime(entry, (now - age, now - age))
    monkeypatch.setattr(object_cache, "MAX_BYTES", 200)
    ObjectCache(folder)
    assert sorted(p.name for p in (folder / "ab").iterdir()) == [".staging-busy", "newest", "recent"]
