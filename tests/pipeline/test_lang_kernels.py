"""reports/lang_kernels.py names a language's sources as the build compiles
them (tools/handler_langs.py sources): the arch's own kernel/<arch>/*.zig or
*.rs, and the shared ones of kernel/zig/, kernel/rust/ that its facts list."""
import pytest

from isr.languages import LANGUAGES
from reports import lang_kernels, variants
from tools import handler_langs, toolchain

LANGS = [lang for lang, language in LANGUAGES.items() if language.family]
# The arches whose sources for a language include a shared one, not in kernel/<arch>/.
SHARING = {lang: [arch for arch in toolchain.TARGETS
                  if any(source.parent.name != arch for source in handler_langs.sources(arch, lang))]
           for lang in LANGS}


@pytest.mark.parametrize("arch, lang", [(arch, lang) for lang in LANGS for arch in SHARING[lang]])
def test_the_generated_spec_names_every_source_of_the_language(arch, lang, tmp_path):
    spec = tmp_path / "spec.py"
    lang_kernels.write_spec(arch, lang, {}, spec)
    banner = spec.read_text().split('"""')[1]
    missing = [str(s) for s in handler_langs.sources(arch, lang) if str(s) not in banner]
    assert not missing, f"the banner leaves out {missing}:\n{banner}"


@pytest.mark.parametrize("lang", LANGS)
def test_a_bench_handler_no_source_writes_is_refused_naming_every_source(lang):
    """The first arch that shares sources and whose sources miss a bench
    handler of variants.HANDLERS (arm32: no `abi` one, which neither language
    can write there): the refusal lists what was searched, shared sources too."""
    arch, style, shape = next(((arch, style, shape) for arch in SHARING[lang] for style, shape in variants.HANDLERS
                               if not lang_kernels.variant_written(arch, lang, style, shape)), (None, None, None))
    assert arch, f"every arch's {lang} sources write every bench handler: no refusal to check"
    with pytest.raises(lang_kernels.LanguageKernelError) as refused:
        lang_kernels.build(arch, lang, style, shape)
    said = str(refused.value)
    assert f"no {LANGUAGES[lang].prefix}{variants.HANDLERS[(style, shape)]} in " in said
    missing = [str(s) for s in handler_langs.sources(arch, lang) if str(s) not in said]
    assert not missing, f"the refusal leaves out {missing}: {said}"
