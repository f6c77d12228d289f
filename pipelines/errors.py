"""Errors raised by the orchestration layer; the CLI turns them into exit codes."""


class PipelineError(Exception):
    """Base class of pipelines errors."""


class ConfigError(PipelineError):
    """`skillsignal.toml` is unreadable or invalid."""


class CrawlError(PipelineError):
    """A spider could not run or produced nothing usable."""
