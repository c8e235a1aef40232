"""The book (mkdocs.yml, docs/) builds with --strict, its generated tables say what the code says,
and the README's links into it lead somewhere."""
import html
import json
import re
import subprocess
import sys

import pytest

from reports import book_include, book_tables
from tools import findings, toolchain

README = toolchain.ROOT / "README.md"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("book") / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                             str(toolchain.ROOT / "mkdocs.yml"), "-d", str(out)],
                            cwd=toolchain.ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-5000:]
    return out


def text_of(page):
    return html.unescape(re.sub(r"<[^>]+>", "", page.read_text()))


def test_every_page_of_the_nav_is_built(site):
    nav = re.findall(r":\s+(\S+\.md)\s*$", (toolchain.ROOT / "mkdocs.yml").read_text(), re.M)
    assert nav
    missing = [page for page in nav if not (site / page.replace(".md", ".html")).exists()]
    assert missing == []


def table_rows(page):
    """The cells of every body row of every table in a built page, as text."""
    return [tuple(html.unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S))
            for row in re.findall(r"<tr>(.*?)</tr>", page.read_text(), re.S) if "<td>" in row]


def test_the_vector_tables_list_every_handler_each_manifest_binds(site):
    shown = {(row[0], row[4], row[5]) for row in table_rows(site / "reference" / "vectors.html") if len(row) == 8}
    for arch in toolchain.TARGETS:
        bound = {(str(s["vector"]), s["handler"], s["style"])
                 for s in book_tables.manifest(arch)["vectors"] if s["style"] != "default"}
        assert bound and bound <= shown, (arch, sorted(bound - shown))


def test_the_findings_table_holds_every_finding(site):
    shown = {row[0]: row[3] for row in table_rows(site / "reference" / "findings.html") if len(row) == 5}
    found = {name: value for name, value in vars(findings).items() if isinstance(value, findings.Finding)}
    assert found
    # The cell shows the Markdown of `what` rendered: its code spans lose their backticks.
    assert shown == {name: finding.what.replace("`", "") for name, finding in found.items()}


def test_the_cost_table_holds_every_row_of_the_cost_data(site):
    data, path = book_tables.cost_data()
    page = " ".join(text_of(site / "reference" / "cost.html").split())
    assert f"from {path.relative_to(toolchain.ROOT)}" in page
    for summary in data["summary"]:
        assert (f"{summary['arch']} {summary['compiler']}: hand-written minimum {summary['minimum']} instructions"
                in page), summary
    rows = [row[:6] for row in table_rows(site / "reference" / "cost.html") if len(row) == 11]
    want = [(r["arch"], r["compiler"], r["style"], r["shape"], str(r["vector"]), str(r["insns"])) for r in data["rows"]]
    assert rows == want


def test_a_marker_naming_no_table_fails_the_build():
    with pytest.raises(book_tables.TableError, match="no table 'vectros'"):
        book_tables.fill("<!-- table: vectros x86_64 -->\n")


def test_every_lab_s_handout_and_the_teacher_s_guide_are_pages_of_the_book(site):
    """Each labs/<lab>/handout.md is included whole in docs/labs/<lab>.md, the guide in docs/labs.md."""
    labs = sorted(p.parent.name for p in (toolchain.ROOT / "labs").glob("*/lab.toml"))
    assert labs, "no lab in labs/"
    shown = {f"labs/{lab}.md": f"labs/{lab}/handout.md" for lab in labs} | {"labs.md": "labs/README.md"}
    for page, source in shown.items():
        built = text_of(site / page.replace(".md", ".html"))
        heading = next(line for line in (toolchain.ROOT / source).read_text().splitlines() if line.startswith("# "))
        assert heading[2:].strip() in built, f"{page} does not show {source}"


def test_an_include_outside_the_labs_or_of_no_file_fails_the_build():
    with pytest.raises(book_include.IncludeError, match="only files under labs/"):
        book_include.fill("<!-- include: tools/setup -->\n")
    with pytest.raises(book_include.IncludeError, match="no such file"):
        book_include.fill("<!-- include: labs/no-such-lab/handout.md -->\n")


def test_the_readme_links_only_to_pages_that_exist():
    links = re.findall(r"\]\((docs/[^)#]+)(?:#[^)]*)?\)", README.read_text())
    assert links, "the README links to no page of the book"
    assert [link for link in links if not (toolchain.ROOT / link).exists()] == []


def test_the_readme_stays_a_quick_start_and_a_map():
    lines = README.read_text().splitlines()
    assert len(lines) <= 300, f"README.md has {len(lines)} lines: move the detail into docs/"


def test_the_committed_cost_data_is_the_cost_reports_shape():
    data = json.loads(book_tables.COST_SNAPSHOT.read_text())
    assert set(data) == {"rows", "summary", "notes"} and data["rows"] and data["summary"]


def test_the_life_of_one_interrupt_follows_a_binding_the_x86_64_manifest_has():
    page = (toolchain.ROOT / "docs" / "guide" / "life-of-an-interrupt.md").read_text()
    line = re.search(r'```python\n(interrupt\((0x[0-9a-f]+), "(\w+)", style="(\w+)"\),)\n```', page)
    assert line, "the page shows no spec line of the interrupt it follows"
    vector, handler, style = int(line[2], 16), line[3], line[4]
    slot = next(s for s in book_tables.manifest("x86_64")["vectors"] if s["vector"] == vector)
    assert (slot["handler"], slot["style"]) == (handler, style), slot
    assert f"isr_guard_{vector}" in page and f"vec={vector} name={slot['name']} style={style}" in page
