"""The one small SVG writer the pictures share: rectangles, text and lines in
a fixed-size drawing, each element able to carry data-* attributes, so a test
can read back from the rendered DOM what was drawn and for which datum.

Hand-written rather than a library: the pictures need four element kinds,
and the data-* attributes tests count are the whole point; svgwrite (the
usual library) is unmaintained since 2022, and drawsvg would be a dependency
for less code than this file.
"""
from xml.sax.saxutils import escape, quoteattr

FONT = "DejaVu Sans Mono, monospace"
CHAR_WIDTH = 7.2          # px per character at FONT_SIZE, for laying out columns
FONT_SIZE = 12
# One colour per part, shared by every picture, so a reader learns them once.
COLOURS = {"cpu": "#f4a261", "stub": "#8ecae6", "compiler": "#a8dadc", "entry": "#cdb4db",
           "handler": "#90be6d", "ack": "#f9c74f", "return": "#e76f51", "other": "#d9d9d9"}


def _attributes(attributes):
    return "".join(f" {key.replace('_', '-')}={quoteattr(str(value))}" for key, value in attributes.items()
                   if value is not None)


class Drawing:
    """Elements in drawing order; text() of the whole at the end."""

    def __init__(self, title):
        self.title = title
        self.elements = []
        self.width = self.height = 0

    def _grow(self, x, y):
        self.width, self.height = max(self.width, x), max(self.height, y)

    def rect(self, x, y, width, height, fill, **data):
        self._grow(x + width, y + height)
        self.elements.append(f'<rect x="{x:g}" y="{y:g}" width="{width:g}" height="{height:g}" '
                             f'fill="{fill}" stroke="#333" stroke-width="0.5"{_attributes(data)}/>')

    def text(self, x, y, words, anchor="start", size=FONT_SIZE, weight="normal", **data):
        self._grow(x + (len(words) * CHAR_WIDTH if anchor == "start" else 0), y + 4)
        self.elements.append(f'<text x="{x:g}" y="{y:g}" font-size="{size}" font-weight="{weight}" '
                             f'text-anchor="{anchor}"{_attributes(data)}>{escape(words)}</text>')

    def line(self, x1, y1, x2, y2, colour="#333", dash=None, **data):
        self._grow(max(x1, x2), max(y1, y2))
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        self.elements.append(f'<line x1="{x1:g}" y1="{y1:g}" x2="{x2:g}" y2="{y2:g}" stroke="{colour}"'
                             f'{dashes}{_attributes(data)}/>')

    def svg(self, margin=10, **data):
        """The whole drawing as an SVG document; data: attributes of the root."""
        width, height = self.width + margin, self.height + margin
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:g}" height="{height:g}" '
                f'viewBox="0 0 {width:g} {height:g}" font-family="{FONT}"{_attributes(data)}>\n'
                f'<title>{escape(self.title)}</title>\n<rect width="100%" height="100%" fill="white"/>\n'
                + "\n".join(self.elements) + "\n</svg>\n")
