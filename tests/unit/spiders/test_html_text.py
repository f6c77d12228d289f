import html

import pytest

from spiders.parsing.html_text import html_to_text


def test_headings_paragraphs_and_list_items_get_their_own_lines():
    text = html_to_text(
        "<h2>About</h2><p>We build <b>tools</b>.</p><ul><li>Python</li><li>SQL</li></ul><p>End</p>"
    )
    assert text == "About\nWe build tools.\n- Python\n- SQL\nEnd"


def test_br_breaks_the_line_without_blank_lines():
    assert html_to_text("<p>one<br>two<br/><br/>three</p>") == "one\ntwo\nthree"


def test_entities_are_decoded():
    assert html_to_text("<p>R&amp;D&nbsp;team &lt;3 caf&eacute; &#8211; 10&ndash;15</p>") == (
        "R&D team <3 caf\u00e9 \u2013 10\u201315"
    )


def test_scripts_styles_and_comments_are_dropped_but_their_tails_kept():
    source = "<style>p{}</style><p>a<!-- note -->b<script>x()</script> c</p>"
    assert html_to_text(source) == "ab c"


def test_whitespace_collapses_within_lines():
    assert html_to_text("<p>  lots \n\t of\r\n   space  </p>\n\n\n<p>x</p>") == "lots of space\nx"


def test_list_item_holding_paragraphs_keeps_its_prefix_on_the_first_line():
    assert html_to_text("<ul><li><p>first</p><p>more</p></li></ul>") == "- first\nmore"


def test_nested_list_items_are_lines_too():
    assert html_to_text("<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>") == "- a\n- b\n- c"


def test_table_cells_are_separated_by_spaces():
    assert html_to_text("<table><tr><td>a</td><td>b</td></tr></table>") == "a b"


def test_full_document_skips_head():
    page = "<html><head><title>T</title></head><body><h1>Hi</h1></body></html>"
    assert html_to_text(page) == "Hi"


def test_plain_text_passes_through_collapsed():
    assert html_to_text("take up \r\n       a career") == "take up a career"


@pytest.mark.parametrize("empty", ["", "   ", "<!-- only a comment -->", "<script>x</script>"])
def test_empty_input_gives_empty_text(empty):
    assert html_to_text(empty) == ""


def test_greenhouse_escaped_content_after_one_unescape():
    # From Greenhouse's Job Board API documentation (List jobs, content=true).
    content = (
        "&lt;p&gt;The Rule Enforcement team is dedicated to keeping all employees in line. "
        "&amp;nbsp;Rule enforcers use&amp;nbsp;various tactics&lt;/p&gt;"
    )
    assert html_to_text(html.unescape(content)) == (
        "The Rule Enforcement team is dedicated to keeping all employees in line. "
        "Rule enforcers use various tactics"
    )


def test_xml_declaration_in_a_str_is_accepted():
    assert html_to_text('<?xml version="1.0" encoding="utf-8"?><p>x</p>') == "x"
