"""Machine-specific settings, read once from `SKILLSIGNAL_*` environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# Prefect defaults for a product that runs offline and unattended: no telemetry (a fresh server
# otherwise logs DNS errors and a "database is locked" traceback), state kept beside the data.
PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    # The temporary API creates its database on a first run: ~20 s on 2 busy cores, more than
    # Prefect's default wait, which then fails the run with "Timed out while attempting to
    # connect to ephemeral Prefect API server".
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_EXTRA_LOGGERS": "spiders,taxonomy,warehouse",
}


@dataclass(frozen=True)
class Settings:
    """Overrides from the environment; `None` means "use the config file"."""

    config_path: Path | None
    db_path: Path | None
    data_dir: Path | None

    @classmethod
    def from_env(cls) -> Settings:
        """Read `SKILLSIGNAL_CONFIG`, `SKILLSIGNAL_DB` and `SKILLSIGNAL_DATA_DIR`."""

        def path(name: str) -> Path | None:
            value = os.environ.get(name)
            return Path(value) if value else None

        return cls(
            config_path=path("SKILLSIGNAL_CONFIG"),
            db_path=path("SKILLSIGNAL_DB"),
            data_dir=path("SKILLSIGNAL_DATA_DIR"),
        )


def apply_prefect_defaults(prefect_home: Path) -> None:
    """Set Prefect's environment before Prefect is imported, keeping what the user set."""
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
    if "PREFECT_HOME" not in os.environ:
        prefect_home.mkdir(parents=True, exist_ok=True)
        os.environ["PREFECT_HOME"] = str(prefect_home)
