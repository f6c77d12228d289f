"""HTML fragments and documents to clean, line-structured text."""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

# Elements whose content is never text a reader sees.
_DROPPED = frozenset(
    {"script", "style", "noscript", "template", "head", "iframe", "object", "svg", "select"}
)
# Elements that start and end a line of their own.
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
        "table", "tbody", "thead", "tfoot", "tr", "ul",
    }
)  # fmt: skip
_CELLS = frozenset({"td", "th"})
_SPACES = re.compile(r"\s+")


class _Lines:
    """Collects text runs into lines; a line is only emitted when it has visible text."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._runs: list[str] = []
        self._prefix = ""

    def write(self, text: str | None) -> None:
        if text:
            self._runs.append(text)

    def break_line(self, prefix: str = "") -> None:
        line = _SPACES.sub(" ", "".join(self._runs)).strip()
        if line:
            self.lines.append(self._prefix + line)
            self._prefix = ""
        self._runs = []
        if prefix:
            self._prefix = prefix


def _walk(element: lxml.etree._Element, out: _Lines) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if not tag or tag.lower() in _DROPPED:  # comments, processing instructions, scripts
        out.write(element.tail)
        return
    tag = tag.lower()
    if tag == "br":
        out.break_line()
        out.write(element.tail)
        return
    block = tag in _BLOCKS
    if block:
        out.break_line(prefix="- " if tag == "li" else "")
    out.write(element.text)
    for child in element:
        _walk(child, out)
    if block:
        out.break_line()
    elif tag in _CELLS:
        out.write(" ")
    out.write(element.tail)


def html_to_text(html: str) -> str:
    r"""Convert HTML to clean text with one line per heading, paragraph and list item.

    Scripts, styles and comments are dropped, entities are decoded, whitespace inside a
    line collapses to single spaces, `<br>` breaks the line and every `<li>` becomes its own
    line prefixed with `"- "`. There are no blank lines. Plain text goes through unchanged
    apart from whitespace collapsing (newlines in plain text are HTML whitespace too).

    Args:
        html: An HTML fragment or document. Escaped HTML (`&lt;p&gt;...`, as in Greenhouse's
            `content`) must be unescaped once by the caller first.

    Returns:
        The text, lines joined by `"\n"`; `""` for empty input.

    Example:
        >>> html_to_text("<h2>Role</h2><ul><li>Python &amp; SQL</li><li>dbt</li></ul>")
        'Role\n- Python & SQL\n- dbt'
    """
    if not html or not html.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        # ValueError: a str carrying an XML encoding declaration; parse its bytes instead.
        try:
            root = lxml.html.document_fromstring(html.encode("utf-8"))
        except lxml.etree.ParserError:
            return ""
    out = _Lines()
    _walk(root, out)
    out.break_line()
    return "\n".join(out.lines)
