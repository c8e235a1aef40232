"""lang= on a binding (isr/languages.py): the spec says which language writes a
handler. Each arch's facts (isr/arch_<arch>/toolchains.py TOOLCHAINS) say
which styles a language cannot write there; validation refuses those with the
reason, the spec file and the line, and accepts the rest, recording the
language in the manifest. Every binding of every shipped spec is tried."""
import json
from dataclasses import replace

import pytest

from isr import arches, emit_manifest
from isr.languages import LANGUAGES
from isr.load import load_spec
from isr.validate import SpecError, resolve

OTHERS = [name for name, language in LANGUAGES.items() if language.family]


def rebound(arch, lang, keep):
    """The shipped spec with the bindings keep() picks written in lang (their handlers prefixed)."""
    bindings, _ = load_spec(f"isr/{arch}.py")
    prefix = LANGUAGES[lang].prefix
    return [replace(b, handler=prefix + b.handler, options=b.options + (("lang", lang),)) if keep(b) else b
            for b in bindings]


@pytest.mark.parametrize("arch", arches.names())
@pytest.mark.parametrize("lang", OTHERS)
def test_each_style_is_written_or_refused_with_the_reason_and_the_line(arch, lang):
    model = arches.model(arch)
    facts = model.toolchains.TOOLCHAINS[LANGUAGES[lang].family]
    refusals = {} if isinstance(facts, str) else facts["refusals"]
    named = {key for key in model.REQUIRED if isinstance(key, str)}     # the kernel's code names these
    for style in model.STYLES:
        bindings = rebound(arch, lang, lambda b: b.style == style and b.handler not in named)
        chosen = [b for b in bindings if dict(b.options).get("lang") == lang]
        if not chosen:
            continue
        if isinstance(facts, str) or style in refusals:
            with pytest.raises(SpecError) as refused:
                resolve(bindings, model)
            why = facts if isinstance(facts, str) else refusals[style]
            for binding in chosen:
                assert any(p.startswith(f"{binding.where}: ") and why in p for p in refused.value.problems), \
                    f"{binding.where}: no refusal with the reason {why!r}:\n{refused.value}"
        else:
            slots = resolve(bindings, model)
            manifest = json.loads(emit_manifest.emit(slots, model, f"isr/{arch}.py"))
            langs = {s["handler"]: s["lang"] for s in manifest["vectors"]}
            assert all(langs[b.handler] == lang for b in chosen)


def test_an_unknown_language_is_refused_with_the_known_ones():
    bindings = rebound("x86_64", "zig", lambda b: b.option("bench", "") == "counter")
    bindings = [replace(b, options=tuple((k, "cobol" if k == "lang" else v) for k, v in b.options))
                for b in bindings]
    with pytest.raises(SpecError) as refused:
        resolve(bindings, arches.model("x86_64"))
    assert all("lang='cobol' unknown; use one of: 'c', 'zig', 'rust'" in p for p in refused.value.problems)


@pytest.mark.parametrize("lang", OTHERS)
def test_a_handler_without_the_language_prefix_is_refused_with_the_name_to_use(lang):
    bindings, _ = load_spec("isr/x86_64.py")
    bindings = [replace(b, options=b.options + (("lang", lang),)) if b.handler == "bench_naked" else b
                for b in bindings]
    with pytest.raises(SpecError) as refused:
        resolve(bindings, arches.model("x86_64"))
    assert f"name it {LANGUAGES[lang].prefix}bench_naked" in str(refused.value)


def test_c_is_the_default_language():
    bindings, _ = load_spec("isr/riscv64.py")
    assert {s.lang for s in resolve(bindings, arches.model("riscv64"))} == {"c"}
