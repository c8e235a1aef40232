"""The book's tables that state facts of the code, as Markdown, made from
their sources so that they cannot drift: the vectors from each spec's
manifest, the findings from tools/findings.py, the costs from the cost
report's data.

A page asks for one with a marker line, `<!-- table: NAME ARG... -->`
(reports/book_hook.py puts the table there when MkDocs builds the book);
`doit docs` also writes each one to build/docs/tables/.

Usage: .venv/bin/python -m reports.book_tables [NAME ARG...]   (none: list the tables;
`.venv/bin/python -m doit docs` builds the whole book)
"""
import json
import re
import subprocess
import sys
from pathlib import Path

from isr import arches
from isr.render import render
from isr.validate import SpecError
from tools import findings as finding_registry, toolchain

MARKER = re.compile(r"^<!-- table: ([\w-]+)((?: [\w-]+)*) -->$", re.M)

COST_DATA = toolchain.ROOT / "build" / "cost.json"          # `doit cost` writes it on this machine
COST_SNAPSHOT = toolchain.ROOT / "reports" / "cost.json"    # the committed one, from the same report


class TableError(Exception):
    pass


def manifest(arch):
    """The manifest the build writes to build/<arch>/gen/manifest.json, rendered
    from the arch's spec as the generate step renders it (no compiler needed)."""
    if arch not in arches.names():
        raise TableError(f"unknown arch {arch!r}; known: {', '.join(arches.names())}")
    return json.loads(render(arch, toolchain.ROOT / "isr" / f"{arch}.py")["manifest.json"])


def _row(cells):
    return "| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |"


def _table(header, rows):
    return "\n".join([_row(header), _row(["---"] * len(header))] + [_row(r) for r in rows])


def _code(text):
    return f"`{text}`" if text else ""


def vectors(arch):
    """The vectors arch's spec binds: number, name, kind, handler, style, options, spec line."""
    found = manifest(arch)
    bound = [s for s in found["vectors"] if s["style"] != "default"]
    rows = [[s["vector"], hex(s["vector"]), _code(s["name"]), s["kind"], _code(s["handler"]), s["style"],
             ", ".join(f"{k}={v}" for k, v in sorted(s["options"].items())) + (" bench=" + s["bench"] if s["bench"] else ""),
             _code(s["where"].replace(f"{toolchain.ROOT}/", ""))] for s in bound]
    left = len(found["vectors"]) - len(bound)
    return (_table(["vector", "hex", "name", "kind", "handler", "style", "options", "spec line"], rows)
            + f"\n\n{len(bound)} vectors bound by `isr/{arch}.py`; the other {left} go to the default handler.")


def styles():
    """The styles each arch model allows."""
    rows = [[name, ", ".join(f"`{s}`" for s in model.STYLES)] for name, model in arches.models().items()]
    return _table(["arch", "styles its compilers allow"], rows)


def findings():
    """Every finding of tools/findings.py: the tool, the versions it was seen on, what it does."""
    rows = []
    for name, value in vars(finding_registry).items():
        if isinstance(value, finding_registry.Finding):
            fixed = f"{'.'.join(map(str, value.fixed))} (seen on {value.fixed_seen})" if value.fixed else "not yet"
            rows.append([_code(name), _code(value.tool), ", ".join(value.seen), value.what, fixed])
    if not rows:
        raise TableError("tools/findings.py defines no Finding")
    return _table(["finding", "tool", "seen on", "what it does", "fixed in"], rows)


def cost_data():
    """(data, path) of the cost report's JSON: this machine's `doit cost`, else the committed one."""
    path = COST_DATA if COST_DATA.exists() else COST_SNAPSHOT
    if not path.exists():
        raise TableError(f"no cost data: run `.venv/bin/python -m doit cost` (it writes {COST_DATA})")
    return json.loads(path.read_text()), path


def cost(arch=None):
    """The cost report's rows (of one arch, or all), its per-compiler summary and its notes."""
    data, path = cost_data()
    rows = [r for r in data["rows"] if arch in (None, r["arch"])]
    if not rows:
        raise TableError(f"{path.relative_to(toolchain.ROOT)} has no row for {arch!r}")
    table = _table(["arch", "compiler", "style", "shape", "vector", "insns", "net", "stores", "saved", "over min",
                    "kernel"],
                   [[r["arch"], r["compiler"], r["style"], r["shape"], r["vector"], r["insns"], r["net"],
                     "-" if r["stores"] is None else r["stores"], r["saved"],
                     "-" if r["over_min"] is None else f"{r['over_min']:+d}",
                     ("variant" if r.get("variant") else "shipped") + (f", through {r['entry']}" if r.get("entry") else "")]
                    for r in rows])
    summary = [f"- {s['arch']} {s['compiler']}: hand-written minimum {s['minimum']} instructions, empty window "
               f"{s['empty']}; stub/abi (net) "
               + (", ".join(f"{shape} {v:g}" for shape, v in s["stub_per_abi"].items()) or "no abi and stub pair")
               for s in data["summary"] if arch in (None, s["arch"])]
    notes = [f"- {n}" for n in data["notes"] if arch is None or n.startswith(f"{arch} ") or n.startswith(f"{arch}:")]
    tools = sorted({r["qemu"] for r in rows}), sorted({r["cc"] for r in rows})
    said = (f"Counted by {'; '.join(tools[0])}; compiled by {', '.join(tools[1])} "
            f"(from `{path.relative_to(toolchain.ROOT)}`).")
    return "\n\n".join([said, table] + ["\n".join(summary)] * bool(summary) + ["Notes:\n\n" + "\n".join(notes)] * bool(notes))


TABLES = {"vectors": vectors, "styles": styles, "findings": findings, "cost": cost}


def table(name, *args):
    if name not in TABLES:
        raise TableError(f"no table {name!r}; the tables are {', '.join(TABLES)}")
    try:
        return TABLES[name](*args)
    except TypeError as error:
        raise TableError(f"table {name} {' '.join(args)}: {error}") from None
    except SpecError as error:       # a spec the build would refuse too
        raise TableError(f"table {name} {' '.join(args)}: the spec is refused:\n" + str(error)) from None


def fill(markdown):
    """markdown with each table marker followed by its table."""
    return MARKER.sub(lambda m: m.group(0) + "\n\n" + table(m.group(1), *m.group(2).split()) + "\n", markdown)


def write_all(docs, out):
    """Write every table the pages under docs ask for to out/<name>[-<args>].md; returns the paths."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    wanted = sorted({(m.group(1), tuple(m.group(2).split()))
                     for page in sorted(Path(docs).rglob("*.md")) for m in MARKER.finditer(page.read_text())})
    written = []
    for name, args in wanted:
        path = out / ("-".join((name,) + args) + ".md")
        text = table(name, *args) + "\n"
        if not path.exists() or path.read_text() != text:
            path.write_text(text)
        written.append(path)
    return written


def build(site, strict=True):
    """Write the tables to build/docs/tables/ and build the book into site with
    MkDocs (--strict: a broken link, a page missing from the nav's targets or
    a bad table marker fails). Returns whether it built."""
    for path in write_all(toolchain.ROOT / "docs", toolchain.ROOT / "build" / "docs" / "tables"):
        print(f"table: {path.relative_to(toolchain.ROOT)}")
    argv = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(toolchain.ROOT / "mkdocs.yml"),
            "-d", str(site)] + ["--strict"] * strict
    if subprocess.run(argv, cwd=toolchain.ROOT).returncode != 0:
        return False
    print(f"the book: {Path(site) / 'index.html'}")
    return True


def main(argv):
    if not argv:
        for name, function in TABLES.items():
            print(f"{name}: {function.__doc__.splitlines()[0]}")
        return 0
    try:
        print(table(*argv))
    except TableError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
