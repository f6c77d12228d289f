"""The user's config file, `skillsignal.toml`, parsed once into typed models."""

from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from pipelines.errors import ConfigError
from pipelines.settings import Settings

DEFAULT_CONFIG_NAME = "skillsignal.toml"


class SourceConfig(BaseModel):
    """One source to crawl: a spider kind and its arguments (every other key of the table)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, description="stable source name, e.g. 'greenhouse:stripe'")
    kind: str = Field(min_length=1, description="spider name, e.g. 'greenhouse'")
    enabled: bool = True
    args: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _collect_args(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        known = {"name", "kind", "enabled", "args"}
        args = dict(data.get("args", {}))
        args.update({k: v for k, v in data.items() if k not in known})
        return {**{k: v for k, v in data.items() if k in known}, "args": args}

    @field_validator("args", mode="before")
    @classmethod
    def _stringify(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): str(v) for k, v in value.items()}
        return value


class WarehouseConfig(BaseModel):
    """Where the DuckDB warehouse lives."""

    model_config = ConfigDict(extra="forbid")
    path: Path = Path("skillsignal.duckdb")


class PathsConfig(BaseModel):
    """Where crawl files and exports land."""

    model_config = ConfigDict(extra="forbid")
    data_dir: Path = Path("data")
    exports_dir: Path = Path("exports")


class CrawlConfig(BaseModel):
    """How spiders run."""

    model_config = ConfigDict(extra="forbid")
    user_agent: str = "skillsignal/0.1 (+https://github.com/skillsignal/skillsignal)"
    timeout_s: int = Field(default=1800, gt=0)
    log_level: str = "INFO"
    autothrottle: bool = True
    max_pages: int = Field(default=5000, ge=0, description="0 = no limit")
    retries: int = Field(default=1, ge=0, description="retries of a failed source crawl")
    retry_delay_s: int = Field(default=60, ge=0)


class ScoringConfig(BaseModel):
    """Scoring thresholds."""

    model_config = ConfigDict(extra="forbid")
    top_n: int = Field(default=50, gt=0, description="size of the demanded-skill set")


class ExtractionConfig(BaseModel):
    """Extraction thresholds."""

    model_config = ConfigDict(extra="forbid")
    min_score: float = Field(default=0.7, ge=0.0, le=1.0)
    semantic: bool = Field(
        default=True, description="link phrases beyond exact labels (span model + embeddings)"
    )
    overlay: Path | None = Field(
        default=None, description="overlay TOML whose ambiguous / suppressed labels are added"
    )


class ScheduleConfig(BaseModel):
    """When the nightly run starts (`skillsignal serve`, prefect.yaml)."""

    model_config = ConfigDict(extra="forbid")
    cron: str = Field(default="0 2 * * *", min_length=9, description="five-field cron")
    timezone: str = Field(default="UTC", description="IANA time zone, e.g. Europe/Berlin")

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            msg = f"unknown time zone {value!r}"
            raise ValueError(msg) from exc
        return value


class ComputeConfig(BaseModel):
    """Where tasks run: threads in this process, or a Dask cluster (`pip install .[dask]`)."""

    model_config = ConfigDict(extra="forbid")
    task_runner: Literal["local", "dask"] = "local"
    dask_address: str = Field(default="", description="scheduler address; empty = local cluster")
    dask_workers: int = Field(default=2, gt=0, description="workers of a local cluster")
    partition_rows: int = Field(default=2000, gt=0, description="documents per partition")


class Config(BaseModel):
    """The whole of `skillsignal.toml`."""

    model_config = ConfigDict(extra="forbid")
    warehouse: WarehouseConfig = WarehouseConfig()
    paths: PathsConfig = PathsConfig()
    crawl: CrawlConfig = CrawlConfig()
    scoring: ScoringConfig = ScoringConfig()
    extraction: ExtractionConfig = ExtractionConfig()
    schedule: ScheduleConfig = ScheduleConfig()
    compute: ComputeConfig = ComputeConfig()
    sources: list[SourceConfig] = Field(default_factory=list)


def default_config_text() -> str:
    """The documented default config shipped with the package."""
    return (files("pipelines") / "default_config.toml").read_text(encoding="utf-8")


def parse_config(text: str, origin: str, known_kinds: set[str]) -> Config:
    """Parse config `text` (from `origin`, for messages); raise `ConfigError` on any problem."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: invalid TOML: {exc}") from exc
    try:
        config = Config.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ConfigError(f"{origin}: {where}: {first['msg']}") from exc
    names: set[str] = set()
    for i, source in enumerate(config.sources):
        if source.kind not in known_kinds:
            raise ConfigError(
                f"{origin}: sources[{i}] ({source.name}): unknown source kind {source.kind!r}; "
                f"known kinds: {', '.join(sorted(known_kinds))}"
            )
        if source.name in names:
            raise ConfigError(f"{origin}: sources[{i}]: duplicate source name {source.name!r}")
        names.add(source.name)
    return config


def load_config(path: Path | None, known_kinds: set[str]) -> tuple[Config, str]:
    """Read `path`, or ./skillsignal.toml, or the packaged default; return it and its origin."""
    if path is None and Path(DEFAULT_CONFIG_NAME).is_file():
        path = Path(DEFAULT_CONFIG_NAME)
    if path is None:
        return parse_config(default_config_text(), "<default config>", known_kinds), "default"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror}") from exc
    return parse_config(text, str(path), known_kinds), str(path)


def resolve_config(
    config_path: Path | None = None, db: Path | None = None, known_kinds: set[str] | None = None
) -> Config:
    """The config in effect, with `--db` / `$SKILLSIGNAL_DB` / `$SKILLSIGNAL_DATA_DIR` applied.

    The file is ``config_path``, `$SKILLSIGNAL_CONFIG`, ./skillsignal.toml or the packaged default.
    """
    if known_kinds is None:
        from pipelines.sources import known_kinds as spider_kinds  # noqa: PLC0415 - Scrapy import

        known_kinds = set(spider_kinds())
    settings = Settings.from_env()
    config, _ = load_config(config_path or settings.config_path, known_kinds)
    if db or settings.db_path:
        config.warehouse.path = db or settings.db_path  # type: ignore[assignment]
    if settings.data_dir:
        config.paths.data_dir = settings.data_dir
    return config
