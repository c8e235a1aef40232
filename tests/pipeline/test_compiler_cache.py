"""ccache in front of the compiles (tools/compiler_cache.py): a source compiled
against an equal gen/ in another folder is a hit, as the spec-variant builds
(tests/qemu/variants.py) compile it; a gen/ that differs is a miss. Each test
has a cache of its own, so its counts are its own under xdist."""
import subprocess

import pytest

from isr.generate import generate
from tools import compiler_cache, toolchain

ARCH = "x86_64"
SOURCE = toolchain.ROOT / "kernel" / ARCH / "irq.c"      # includes gen/isr.h
SPEC = toolchain.ROOT / "isr" / f"{ARCH}.py"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CCACHE_DIR", str(tmp_path / "ccache"))
    compiler_cache.configure(tmp_path / "ccache")
    return tmp_path / "ccache"


def variant(folder, spec):
    """Generate gen/ in folder from spec, compile SOURCE there as
    tests/qemu/variants.py does; return the object."""
    folder.mkdir(parents=True)
    generate(ARCH, str(spec), folder / "gen")
    obj = folder / "obj" / "irq.c.o"
    obj.parent.mkdir()
    argv = toolchain.compile_command(ARCH, SOURCE, obj, folder / "gen")
    result = subprocess.run(argv, cwd=folder, env=compiler_cache.environment(toolchain.ROOT, folder),
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return obj


def counts(cache):
    """ccache's counters of the cache (ccache --print-stats: one `name<TAB>value` a line)."""
    result = subprocess.run([compiler_cache.COMMAND, "--print-stats"], capture_output=True, text=True, check=True,
                            env={"CCACHE_DIR": str(cache), "PATH": "/usr/bin:/bin"})
    pairs = (line.split("\t") for line in result.stdout.splitlines() if "\t" in line)
    return {name: int(value) for name, value in pairs if value.isdigit()}


def hits(cache):
    found = counts(cache)
    return found.get("direct_cache_hit", 0) + found.get("preprocessed_cache_hit", 0)


def test_an_equal_gen_in_another_folder_is_a_hit(tmp_path, cache):
    first = variant(tmp_path / "one" / "v", SPEC)
    assert hits(cache) == 0
    again = variant(tmp_path / "two" / "deeper" / "v", SPEC)     # another folder, deeper
    assert hits(cache) == 1
    assert again.read_bytes() == first.read_bytes()
    # The dependency file names this folder's gen/isr.h, relative to it: doit and
    # tools/toolchain.py header_deps track the headers of the compile that ran here.
    assert "gen/isr.h" in (again.parent / "irq.c.o.d").read_text().split()


def test_a_gen_that_differs_is_a_miss_even_in_a_comment(tmp_path, cache):
    variant(tmp_path / "one" / "v", SPEC)
    # Another spec path: gen/isr.h differs only in the comment that names it. Depend
    # mode misses, so the debug information's checksum of gen/isr.h stays true.
    other = tmp_path / "other.py"
    other.write_text(SPEC.read_text())
    variant(tmp_path / "two" / "v", other)
    # One more binding: gen/isr.h gains its prototype and its ISR_VECTOR_ constant.
    more = tmp_path / "more.py"
    more.write_text(SPEC.read_text() + "\nfrom isr.spec import interrupt as _interrupt\n"
                    "VECTORS = VECTORS + [_interrupt(0xf0, 'cache_test_extra', style='naked')]\n")
    variant(tmp_path / "three" / "v", more)
    assert hits(cache) == 0
    assert counts(cache)["cache_miss"] == 3


def test_the_checkouts_cache_is_bounded():
    conf = compiler_cache.default_folder(toolchain.ROOT) / "ccache.conf"
    compiler_cache.configure(conf.parent)
    assert f"max_size = {compiler_cache.MAX_SIZE}" in conf.read_text().splitlines()
