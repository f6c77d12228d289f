import pytest

from spiders.parsing.jsonld import find_typed, jsonld_blocks


def _page(*blocks: str) -> str:
    scripts = "".join(f'<script type="application/ld+json">{block}</script>' for block in blocks)
    return f"<html><head>{scripts}</head><body><p>x</p></body></html>"


def test_single_object_block(fixture_text):
    objects, errors = jsonld_blocks(fixture_text("jsonld", "course_eg-0338.html"))
    assert errors == []
    assert [obj["name"] for obj in objects] == ["Physics"]


def test_array_graph_and_several_blocks_are_flattened_in_order():
    objects, errors = jsonld_blocks(
        _page(
            '[{"@type": "Course", "name": "a"}, {"@type": "Course", "name": "b"}]',
            '{"@context": "https://schema.org", "@graph": [{"@type": "Course", "name": "c"}]}',
            '{"@type": "Organization", "name": "d"}',
        )
    )
    assert errors == []
    assert [obj["name"] for obj in objects] == ["a", "b", "c", "d"]


def test_malformed_block_is_skipped_and_named_while_others_are_kept(fixture_text):
    objects, errors = jsonld_blocks(fixture_text("jsonld", "jobposting_malformed.html"))
    assert [obj["identifier"] for obj in objects] == ["WH-1", "WH-3"]
    assert errors == [
        "block 1: Expecting property name enclosed in double quotes at line 1 column 103"
    ]


@pytest.mark.parametrize(
    ("block", "error"),
    [
        ("", "block 0: empty"),
        ('"just a string"', "block 0: expected an object or array, got str"),
        (
            "{'single': 'quotes'}",
            "block 0: Expecting property name enclosed in double quotes at line 1 column 2",
        ),
    ],
)
def test_unusable_blocks_are_reported(block, error):
    assert jsonld_blocks(_page(block)) == ([], [error])


def test_other_script_types_are_ignored_and_type_parameters_allowed():
    page = (
        '<script type="application/json">{"@type": "Course"}</script>'
        '<script type="Application/LD+JSON; charset=utf-8">'
        '{"@type": "Course", "name": "n"}</script>'
    )
    assert jsonld_blocks(page) == ([{"@type": "Course", "name": "n"}], [])


def test_html_comment_wrapper_and_raw_newlines_in_strings_are_tolerated():
    block = '<!--\n{"@type": "JobPosting", "title": "line one\nline two"}\n-->'
    objects, errors = jsonld_blocks(_page(block))
    assert errors == []
    assert objects[0]["title"] == "line one\nline two"


def test_page_without_json_ld_gives_nothing():
    assert jsonld_blocks("<html><body><h1>About us</h1></body></html>") == ([], [])
    assert jsonld_blocks("") == ([], [])


def test_find_typed_matches_type_lists_and_schema_prefixes():
    objs = [
        {"@type": ["Course", "Product"], "name": "a"},
        {"@type": "schema:Course", "name": "b"},
        {"@type": "http://schema.org/Course", "name": "c"},
        {"@type": "https://schema.org/Course", "name": "d"},
        {"@type": "CourseInstance", "name": "e"},
        {"name": "f"},
    ]
    assert [obj["name"] for obj in find_typed(objs, {"Course"})] == ["a", "b", "c", "d"]


def test_find_typed_descends_into_main_entity_and_item_lists():
    objs = [
        {"@type": "WebPage", "mainEntity": {"@type": "JobPosting", "title": "a"}},
        {
            "@type": "ItemList",
            "itemListElement": [
                {"@type": "ListItem", "item": {"@type": "JobPosting", "title": "b"}},
                {"@type": "ListItem", "item": {"@type": "JobPosting", "title": "c"}},
            ],
        },
    ]
    assert [obj["title"] for obj in find_typed(objs, {"JobPosting"})] == ["a", "b", "c"]


def test_find_typed_does_not_read_requirements_as_offers(fixture_text):
    # schema.org eg-0261: an Occupation whose `qualifications` is a credential it requires.
    objects, _ = jsonld_blocks(fixture_text("jsonld", "credential_eg-0261.html"))
    assert find_typed(objects, {"EducationalOccupationalCredential"}) == []


def test_find_typed_does_not_search_inside_a_match():
    objs = [{"@type": "Course", "name": "outer", "hasPart": {"@type": "Course", "name": "inner"}}]
    assert [obj["name"] for obj in find_typed(objs, {"Course"})] == ["outer"]
