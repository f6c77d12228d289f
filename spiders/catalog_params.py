"""Arguments of the catalogue API spiders (`coursera`, `udacity`, `credly`).

Composed from the mix-ins of `spiders.params`, validated the same way with `parse_args`.
`openbadges` and `ctdl` take `params.SiteParams` (`url`, `base_url` as a mirror origin).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from spiders.params import ApiRoot, SourceParam


class CourseraParams(SourceParam):
    """Arguments of the `coursera` spider.

    Attributes:
        base_url: Root of the catalog API (`https://api.coursera.org`); a mirror may add a path.
        limit: Page size (`limit=`), 1 to 100.
        source: Defaults to `coursera:catalog`.
    """

    base_url: ApiRoot = "https://api.coursera.org"
    limit: Annotated[int, Field(ge=1, le=100)] = 100


class UdacityParams(SourceParam):
    """Arguments of the `udacity` spider.

    Attributes:
        base_url: Root of the public catalog (`https://www.udacity.com`).
        source: Defaults to `udacity:catalog`.
    """

    base_url: ApiRoot = "https://www.udacity.com"


class CredlyParams(SourceParam):
    """Arguments of the `credly` spider.

    Attributes:
        organization: The organization's id or vanity name, e.g. `ibm`.
        base_url: Root of the Credly API (`https://api.credly.com`).
        source: Defaults to `credly:<organization>`.
    """

    organization: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$")]
    base_url: ApiRoot = "https://api.credly.com"
