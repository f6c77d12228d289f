"""Arguments of the catalogue spiders fail before the first request."""

import pytest

from spiders.catalog_params import CourseraParams, CredlyParams, UdacityParams
from spiders.errors import SpiderArgumentError
from spiders.params import parse_args


def test_defaults_point_at_the_real_apis():
    assert parse_args(CourseraParams, {}, spider="coursera").base_url == "https://api.coursera.org"
    assert parse_args(UdacityParams, {}, spider="udacity").base_url == "https://www.udacity.com"
    credly = parse_args(CredlyParams, {"organization": "ibm"}, spider="credly")
    assert credly.base_url == "https://api.credly.com"


@pytest.mark.parametrize(
    ("model", "kwargs", "message"),
    [
        (CourseraParams, {"limit": "500"}, "limit='500'"),
        (CourseraParams, {"base_url": "ftp://x"}, "base_url="),
        (CredlyParams, {}, "organization: Field required"),
        (CredlyParams, {"organization": "bad org"}, "organization='bad org'"),
        (UdacityParams, {"board": "x"}, "board="),
    ],
)
def test_bad_arguments_are_named(model, kwargs, message):
    with pytest.raises(SpiderArgumentError, match=message):
        parse_args(model, kwargs, spider="s")
