"""The nightly schedule: config section, the served deployment, and prefect.yaml agree."""

from pathlib import Path

import pytest
import yaml

from pipelines.config import Config, ScheduleConfig, default_config_text, parse_config
from pipelines.errors import ConfigError
from pipelines.serve import api_url, is_healthy, server_command

ROOT = Path(__file__).parents[3]
# Every spider kind: the default config documents each one.
KINDS = {"arbeitnow", "ashby", "course_jsonld", "coursera", "credly", "ctdl", "greenhouse",
         "jobposting", "lever", "openbadges", "recruitee", "remoteok", "remotive",
         "smartrecruiters", "udacity", "usajobs", "workable"}  # fmt: skip


def test_default_schedule_is_two_in_the_morning() -> None:
    config = parse_config(default_config_text(), "<default>", KINDS)
    assert config.schedule == ScheduleConfig(cron="0 2 * * *", timezone="UTC")


def test_unknown_time_zone_is_reported() -> None:
    with pytest.raises(ConfigError, match=r"cfg\.toml: schedule\.timezone: .*Mars/Olympus"):
        parse_config('[schedule]\ntimezone = "Mars/Olympus"\n', "cfg.toml", KINDS)


def test_deployment_carries_cron_and_time_zone_from_config() -> None:
    from pipelines.serve import nightly_deployment

    config = Config(schedule=ScheduleConfig(cron="30 3 * * 1-5", timezone="Europe/Berlin"))
    deployment = nightly_deployment(config)
    assert deployment.name == "nightly"
    assert deployment.flow_name == "nightly"
    (schedule,) = deployment.schedules
    assert schedule.schedule.cron == "30 3 * * 1-5"
    assert schedule.schedule.timezone == "Europe/Berlin"


def test_prefect_yaml_deploys_nightly_with_the_default_schedule() -> None:
    project = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    (deployment,) = project["deployments"]
    path, _, name = deployment["entrypoint"].partition(":")
    assert (ROOT / path).is_file()
    assert f"def {name}(" in (ROOT / path).read_text(encoding="utf-8")
    (schedule,) = deployment["schedules"]
    default = ScheduleConfig()
    assert (schedule["cron"], schedule["timezone"]) == (default.cron, default.timezone)


def test_server_listens_on_loopback_only() -> None:
    command = server_command(4321)
    assert command[-4:] == ["--host", "127.0.0.1", "--port", "4321"]
    assert api_url(4321) == "http://127.0.0.1:4321/api"
    assert not is_healthy("http://127.0.0.1:9/api", timeout_s=0.2)
