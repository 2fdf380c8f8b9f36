"""A shortcut through markdown-it's block stage for a paragraph of one line.

Most paragraphs of a release are one line with a blank line after it. markdown-it
still offers each to every block rule in turn (table, code, fence, block quote,
rule, list, reference, heading, underlined heading) before its paragraph rule takes
it: about 3 us a paragraph, a third of its block stage on a pasted page of many
short lines. A line that opens none of those, indented less than a code block and
followed by a blank line or the end, can only be a paragraph: the table and the
underlined heading need a second line, and every other rule needs one of the
characters of :data:`OPENERS` first. This rule, tried first, makes that paragraph's
tokens as markdown-it's own rule makes them, and leaves every other line to the
rules after it. Only the top level is taken (inside a list or block quote the
lines are read against their container), and tests/parse/test_plain_paragraph.py
compares the tokens with markdown-it's own on generated text.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.common.utils import mdTrim
from markdown_it.rules_block import StateBlock

#: the first characters of a line at which a block rule other than paragraph can start:
#: a heading, block quote, fence, rule, bullet, numbered item (a digit), link reference,
#: raw HTML, table row or a setext underline, and a backslash for good measure
OPENERS = frozenset("#>`~*-_+=[<|\\0123456789")
#: the block rules whose openers those are (a plugin's rule may start elsewhere)
_KNOWN = frozenset("table code fence blockquote hr list reference html_block heading lheading paragraph".split())


def plain_paragraph(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A one-line paragraph at the top level, as markdown-it's paragraph rule tokenises it."""
    if silent or state.parentType != "root":
        return False
    following = start + 1
    if following < state.lineMax and not state.isEmpty(following):
        return False  # a paragraph of several lines, or a table or an underlined heading
    if state.sCount[start] - state.blkIndent >= 4:
        return False  # a code block
    if state.src[state.bMarks[start] + state.tShift[start]] in OPENERS:
        return False
    state.line = following
    token = state.push("paragraph_open", "p", 1)
    token.map = [start, following]
    token = state.push("inline", "", 0)
    token.content = mdTrim(state.getLines(start, following, state.blkIndent, False))
    token.map = [start, following]
    token.children = []
    state.push("paragraph_close", "p", -1)
    return True


def use(md: MarkdownIt) -> MarkdownIt:
    """Try the rule before all of markdown-it's block rules (it ends no other block), unless
    a block rule it does not know is enabled."""
    if set(md.get_active_rules()["block"]) <= _KNOWN:
        md.block.ruler.before(md.block.ruler.get_all_rules()[0], "plain_paragraph", plain_paragraph)
    return md
