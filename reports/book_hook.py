"""MkDocs hook (mkdocs.yml `hooks:`): puts each table a page asks for with
`<!-- table: NAME ARG... -->` below its marker, made by reports/book_tables.py
from the manifests, tools/findings.py and the cost data, at every build, and
the text of each file a page includes with `<!-- include: PATH -->`
(reports/book_include.py: the labs' handouts). A marker naming no table or no
file, or a table with nothing to show, fails the build."""
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = str(Path(__file__).resolve().parent.parent)


def on_config(config):
    # MkDocs puts the hook's folder on sys.path only while it loads the hook; the
    # tables import the project's packages (isr, tests, tools) when the pages are built.
    if ROOT not in sys.path:
        sys.path.insert(0, ROOT)
    return config


def on_page_markdown(markdown, page, **_):
    from reports import book_include, book_tables
    try:
        return book_tables.fill(book_include.fill(markdown))
    except (book_include.IncludeError, book_tables.TableError) as error:
        raise PluginError(f"{page.file.src_path}: {error}") from None
