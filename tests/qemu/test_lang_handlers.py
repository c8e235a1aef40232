"""Handlers written in Zig and Rust run in the kernel (reports/lang_kernels.py):
each language's kernel, built once per session, boots; on every vector whose
handler the language writes (its manifest says which: lang=), `int N`
returns, `bench N` takes it once and `probe N` finds every register and the
stack kept; its other handlers (a timer; an exception that `trap` raises by
the vector's name, arm32's SVC) are taken (`stats` counts their vectors)
while the kernel keeps time as with the C ones. Which arches each language covers is which kernel/<arch>/ holds its
sources: a language with sources for an arch that cannot build fails here
with what is missing."""
import re

import pytest

from isr import arches
from isr.languages import LANGUAGES
from reports import lang_kernels
from tests.qemu.scenarios import assert_exact_ticks, ticks
from tests.qemu.test_int_bench import REFUSED, bench_line
from tools import handler_langs

CASES = [(arch, lang) for arch in arches.names() for lang, language in LANGUAGES.items()
         if language.family and handler_langs.sources(arch, lang)]


@pytest.fixture(scope="session")
def lang_kernels_built():
    return {}


@pytest.fixture
def built(arch, lang, lang_kernels_built):
    """The (arch, lang) kernel's {elf, manifest, ...}, built once per test process, in the
    test's setup: a cold build of Rust's core (tools/handler_langs.py) is no boot's time."""
    if (arch, lang) not in lang_kernels_built:
        try:
            lang_kernels_built[(arch, lang)] = lang_kernels.build(arch, lang)
        except lang_kernels.LanguageKernelError as error:
            pytest.fail(f"the {lang} kernel of {arch} does not build:\n{error}")
    return lang_kernels_built[(arch, lang)]


def written(manifest, lang):
    return [s for s in manifest["vectors"] if s["lang"] == lang]


@pytest.mark.parametrize("arch, lang", CASES)
def test_the_language_writes_the_bench_handlers_and_a_device_handler(arch, lang, built):
    slots = written(built["manifest"], lang)
    assert [s for s in slots if s["bench"]], f"no {lang} bench handler in the {arch} {lang} kernel"
    assert [s for s in slots if not s["bench"]], f"no {lang} device handler in the {arch} {lang} kernel"
    assert all(s["handler"].startswith(LANGUAGES[lang].prefix) for s in slots)


@pytest.mark.emulator_only("-icount (exact guest time)")
@pytest.mark.parametrize("arch, lang", CASES)
def test_the_language_handlers_run_keep_every_register_and_the_timer_ticks(arch, lang, built, boot_console):
    guest = boot_console(arch, built["elf"])
    bench = [s for s in written(built["manifest"], lang) if s["bench"]]
    for slot in bench:
        vector = slot["vector"]
        shown = f"{lang} {slot['handler']} on {vector} ({slot['name']}, {slot['style']})"
        if slot["name"] not in REFUSED.get(arch, ()):
            output = guest.run(f"int {vector}")
            assert output.rstrip().endswith(bench_line(vector)), f"{shown}, `int {vector}`:\n{output}"
        output = guest.run(f"bench {vector}")
        assert f"bench {vector}: taken=1" in output, f"{shown}, `bench {vector}`:\n{output}"
        output = guest.run(f"probe {vector}")
        summary = re.search(rf"probe vec={vector}: checks=(\d+) failed=(\d+)", output)
        assert summary and int(summary[1]) > 0 and summary[2] == "0" and "FAIL" not in output, \
            f"{shown}, `probe {vector}`:\n{output}"
    if guest.icount is not None:
        assert_exact_ticks(guest)
    else:       # no -icount (the msp430 simulator): the ticks a sleep waited for, whatever the host's speed
        _, hz = ticks(guest)
        output = guest.run("sleep 1500", timeout=120)      # past the msp430 watchdog's 1 s interval
        slept = re.search(r"slept ms=1500 ticks=(\d+)", output)
        assert slept and 1500 * hz // 1000 <= int(slept[1]) <= 1500 * hz // 1000 + 2, output
    triggers = re.findall(r"^  (\S+) ", guest.run("trap"), re.M)     # `trap` alone lists its triggers
    for slot in written(built["manifest"], lang):
        if not slot["bench"] and slot["name"].lower() in triggers:
            output = guest.run(f"trap {slot['name'].lower()}")
            assert re.search(rf"vec={slot['vector']} name={re.escape(slot['name'])} style={slot['style']} ", output) \
                and output.rstrip().endswith(": resumed"), f"{lang} {slot['handler']}, `trap`:\n{output}"
    stats = guest.run("stats")
    for slot in written(built["manifest"], lang):
        if not slot["bench"]:
            taken = re.search(rf"^vec={slot['vector']} name=\S+ count=(\d+)$", stats, re.M)
            assert taken and int(taken[1]) > 0, \
                f"{lang} {slot['handler']} on {slot['vector']} ({slot['name']}) was never taken:\n{stats}"
