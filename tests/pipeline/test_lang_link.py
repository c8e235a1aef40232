"""doit's link step (tools/handler_langs.py link) adds the objects of every
language a spec's handlers are written in, as gen/manifest.json says: a user
who writes lang="zig" in isr/<arch>.py gets a kernel that links and checks,
where the plain link misses the Zig handlers. The gen/ and C objects are a
language kernel's (reports/lang_kernels.py), for each language with sources."""
import pytest

from isr import arches
from isr.languages import LANGUAGES
from reports import lang_kernels
from tools import handler_langs, toolchain
from tools.check_elf import check

ARCH = "riscv64"
LANGS = [lang for lang, language in LANGUAGES.items() if language.family and handler_langs.sources(ARCH, lang)]


@pytest.mark.parametrize("lang", LANGS)
def test_the_link_step_adds_the_language_objects_the_manifest_names(lang, tmp_path, capfd):
    assert ARCH in arches.names()
    try:
        built = lang_kernels.build(ARCH, lang)
    except lang_kernels.LanguageKernelError as error:
        pytest.fail(f"the {lang} kernel of {ARCH} does not build:\n{error}")
    gen = built["dir"] / "gen"
    c_objects = sorted(built["dir"].glob("obj/**/*.o"))
    assert not toolchain.link(ARCH, c_objects, tmp_path / "plain.elf", gen), "the C objects alone link"
    said = capfd.readouterr()
    assert any(h in said.err + said.out for h in built["written"].values()), f"the plain link names no handler:\n{said}"
    elf = tmp_path / "kernel.elf"
    assert handler_langs.link(ARCH, c_objects, elf, gen)
    assert check(elf, gen / "manifest.json") == []
