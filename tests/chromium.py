"""Draw SVG pictures in headless Chromium (Debian's `chromium`, installed by tools/setup)
and read back what it drew: every element that carries data-* attributes, with the
box the browser laid it out in. A picture test compares that with the data.

All the pictures of one test go into one page, so Chromium starts once. The page's
script runs before --dump-dom serialises it and writes its findings, as JSON, into
a <pre id="drawn">: no DevTools protocol, no driver.
"""
import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from qemu.launcher import die_with_parent

TIMEOUT = 90           # seconds: a cold Chromium start on a loaded 2-core machine takes a few

SCRIPT = """
const pictures = [...document.querySelectorAll("svg")].map(svg => ({
  data: {...svg.dataset},
  size: [svg.getBoundingClientRect().width, svg.getBoundingClientRect().height],
  elements: [...svg.querySelectorAll("*")].filter(e => Object.keys(e.dataset).length).map(e => {
    const box = e.getBoundingClientRect();
    return {tag: e.tagName, data: {...e.dataset}, x: box.x, y: box.y, width: box.width, height: box.height};
  }),
  texts: [...svg.querySelectorAll("text")].map(t => t.textContent),
}));
document.getElementById("drawn").textContent = JSON.stringify(pictures);
"""


def draw(svgs, folder):
    """[{data, size, elements, texts}] per SVG document (text) in svgs, as Chromium laid it out.
    folder: the test's own (tmp_path), for the page and Chromium's private profile."""
    binary = shutil.which("chromium")
    if binary is None:
        pytest.fail("no `chromium` on PATH: run tools/setup (it installs Debian's chromium)")
    folder = Path(folder)
    page = folder / "pictures.html"
    page.write_text("<!doctype html><html><body>\n" +
                    "\n".join(f"<div>{re.sub(r'^<[?]xml[^>]*>', '', svg)}</div>" for svg in svgs) +
                    f'\n<pre id="drawn"></pre>\n<script>{SCRIPT}</script>\n</body></html>\n')
    argv = [binary, "--headless", "--disable-gpu", "--no-first-run", "--disable-extensions",
            # Chromium refuses to run as root with its sandbox on; the tests run as root in the
            # project's containers, and the page is our own file.
            "--no-sandbox",
            f"--user-data-dir={folder / 'chromium-profile'}", "--dump-dom", page.as_uri()]
    # die_with_parent: Chromium dies with the test process; its own children follow it.
    result = subprocess.run(argv, capture_output=True, text=True, timeout=TIMEOUT, preexec_fn=die_with_parent)
    found = re.search(r'<pre id="drawn">(.*?)</pre>', result.stdout, re.S)
    assert result.returncode == 0 and found and found[1], \
        f"Chromium drew nothing (exit {result.returncode}):\n{result.stderr[-2000:]}"
    pictures = json.loads(html.unescape(found[1]))
    assert len(pictures) == len(svgs), f"{len(svgs)} pictures given, Chromium shows {len(pictures)}"
    return pictures


def visible(picture, key, **data):
    """The elements of a drawn picture that carry data-<key> (and whose other data-* match),
    and that Chromium gave a box: a rect wider and taller than nothing, a line longer than nothing."""
    return [e for e in picture["elements"] if key in e["data"] and all(e["data"].get(k) == str(v) for k, v in data.items())
            and (e["width"] > 0 and e["height"] > 0 if e["tag"] == "rect" else e["width"] + e["height"] > 0)]
