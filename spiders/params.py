"""Spider arguments (`scrapy crawl NAME -a key=value`) as pydantic models.

Each spider validates its keyword arguments in `__init__` with `parse_args`, so a bad or
unknown argument fails with a one-line `SpiderArgumentError` (a `ValueError`, caused by the
pydantic `ValidationError`) before the first request. Models are composed from small
parameter mix-ins, as zyte-spider-templates does.
"""

from __future__ import annotations

from typing import Annotated, Any, TypeVar
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from spiders.errors import SpiderArgumentError


def _http_url(value: str) -> str:
    """Check an absolute http(s) URL with a host; return it stripped."""
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ValueError(f"must be an absolute http:// or https:// URL, got {value!r}")
    try:
        _ = parts.port  # raises ValueError for a malformed port
    except ValueError as exc:
        raise ValueError(f"has an invalid port: {value!r}") from exc
    return value


def _origin(value: str) -> str:
    """Check an http(s) origin (scheme, host, optional port; no path); return it without `/`."""
    parts = urlsplit(_http_url(value))
    if parts.path not in {"", "/"} or parts.query or parts.fragment:
        raise ValueError(
            f"must be an origin like http://127.0.0.1:8000 (no path, query or fragment), "
            f"got {value!r}"
        )
    return f"{parts.scheme}://{parts.netloc}"


def _api_root(value: str) -> str:
    """Check an http(s) URL without query or fragment; return it without a trailing `/`."""
    parts = urlsplit(_http_url(value))
    if parts.query or parts.fragment:
        raise ValueError(f"must not have a query or fragment, got {value!r}")
    return value.strip().rstrip("/")


HttpUrl = Annotated[str, AfterValidator(_http_url)]
Origin = Annotated[str, AfterValidator(_origin)]
ApiRoot = Annotated[str, AfterValidator(_api_root)]
Slug = Annotated[
    str,
    Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$", description="letters, digits, _ and -"),
    AfterValidator(str.lower),
]
SourceName = Annotated[str, Field(pattern=r"^\S{1,200}$", description="no whitespace")]


class _Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class SourceParam(_Params):
    """Arguments every spider takes.

    Attributes:
        source: The records' `source` field; each spider has its own default.
        state_file: JSON file of the previous crawl's page validators (ETag, Last-Modified);
            read when it exists (see `spiders.incremental`).
        state_out: Where this crawl writes its validators; default `state_file` (so a
            scheduler can adopt the new state only once the crawl has been loaded).
    """

    source: SourceName | None = None
    state_file: Annotated[str, Field(min_length=1, max_length=1000)] | None = None
    state_out: Annotated[str, Field(min_length=1, max_length=1000)] | None = None


class GreenhouseParams(SourceParam):
    """Arguments of the `greenhouse` spider.

    Attributes:
        board: The board token, e.g. `stripe` (lower-cased).
        base_url: Root of the Job Board API; a path prefix is allowed for mirrors.
        source: Defaults to `greenhouse:<board>`.
    """

    board: Slug
    base_url: ApiRoot = "https://boards-api.greenhouse.io"


class SiteParams(SourceParam):
    """Arguments of the JSON-LD site spiders (`course_jsonld`, `jobposting`).

    Attributes:
        url: A site root (`https://example.org/`), a sitemap or sitemap index (`.../sitemap.xml`)
            or a single page.
        base_url: An origin (`http://127.0.0.1:8000`) that replaces the scheme, host and port
            of `url` and of every same-host URL found while crawling: a mirror of the site.
        source: Defaults to `<spider name>:<host of url, without port>`.
    """

    url: HttpUrl
    base_url: Origin | None = None


Params = TypeVar("Params", bound=BaseModel)


def parse_args(model: type[Params], kwargs: dict[str, Any], *, spider: str) -> Params:
    """Validate a spider's `-a` arguments.

    Args:
        model: The spider's parameter model.
        kwargs: The keyword arguments Scrapy passed to the spider.
        spider: The spider's name, for the message.

    Returns:
        The validated parameters.

    Raises:
        SpiderArgumentError: One line naming every bad argument, e.g. `invalid arguments
            for spider 'greenhouse': board='bad board': String should match pattern ...`.
    """
    try:
        return model.model_validate(kwargs)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            name = ".".join(str(part) for part in error["loc"])
            given = "" if error["type"] == "missing" else f"={error['input']!r}"
            problems.append(f"{name}{given}: {error['msg']}")
        message = f"invalid arguments for spider {spider!r}: " + "; ".join(problems)
        raise SpiderArgumentError(message) from exc


Company = Annotated[
    str,
    Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$", description="letters, digits, _ . -"),
]
PageSize = Annotated[int, Field(ge=1, le=500)]


class LeverParams(SourceParam):
    """Arguments of the `lever` spider: `company`, display name `employer`, page size `limit`."""

    company: Company
    employer: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    limit: PageSize = 100
    base_url: ApiRoot = "https://api.lever.co"


class AshbyParams(SourceParam):
    """Arguments of the `ashby` spider: `org` (job board name), display name `employer`."""

    org: Company
    employer: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    base_url: ApiRoot = "https://api.ashbyhq.com"


class SmartRecruitersParams(SourceParam):
    """Arguments of the `smartrecruiters` spider: `company` identifier, page size `limit`."""

    company: Company
    limit: Annotated[int, Field(ge=1, le=100)] = 100
    base_url: ApiRoot = "https://api.smartrecruiters.com"


class WorkableParams(SourceParam):
    """Arguments of the `workable` spider: `account` (subdomain) and `base_url`."""

    account: Company
    base_url: ApiRoot = "https://apply.workable.com"


class RecruiteeParams(SourceParam):
    """Arguments of the `recruitee` spider: `company`; `base_url` defaults to its subdomain."""

    company: Slug
    base_url: ApiRoot | None = None


class BoardParams(SourceParam):
    """Arguments of the board spiders without a company (`remotive`, `arbeitnow`, `remoteok`).

    Attributes:
        base_url: Root of the board's API; each spider has its own default.
        max_pages: Stop after this many pages (paged APIs only).
        source: Defaults to the spider's name.
    """

    base_url: ApiRoot | None = None
    max_pages: Annotated[int, Field(ge=1, le=1000)] = 50


class UsajobsParams(SourceParam):
    """Arguments of the `usajobs` spider: `keyword`, page size, page cap, `base_url`."""

    keyword: Annotated[str, Field(min_length=1, max_length=200)]
    results_per_page: Annotated[int, Field(ge=1, le=500)] = 250
    max_pages: Annotated[int, Field(ge=1, le=1000)] = 20
    base_url: ApiRoot = "https://data.usajobs.gov"
