"""docs/pictures.md embeds only pictures `doit docs-pictures` makes, and every one of those
that does not depend on the spec (the traced scenarios, the cost bars); each embedded
picture is in docs/pictures/ and is an SVG of the kind its name says."""
import re

from reports.pictures import docs

PAGE = docs.OUT.parent / "pictures.md"
EMBEDDED = re.compile(r"!\[[^\]]*\]\(pictures/([^)]+)\)")
KINDS = {"frame": "frame", "trace": "timeline", "cost": "cost"}


def test_the_pictures_page_embeds_what_docs_pictures_draws():
    embedded = EMBEDDED.findall(PAGE.read_text())
    linked = re.findall(r"\]\(pictures/([^)]+\.json)\)", PAGE.read_text())
    fixed = set(docs.FIXED)
    assert fixed <= set(embedded) | set(linked), f"not on the page: {sorted(fixed - set(embedded) - set(linked))}"
    for name in embedded + linked:
        assert name in fixed or re.fullmatch(r"frame-[\w-]+-(abi|stub|naked)\.svg", name), name
        assert (docs.OUT / name).is_file(), f"{name}: run `.venv/bin/python -m doit docs-pictures`"
    for name in embedded:
        kind = KINDS[name.split("-")[0].split(".")[0]]
        assert f'data-picture="{kind}"' in (docs.OUT / name).read_text(), name
