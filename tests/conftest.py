"""Shared fixtures: the spaCy model (loaded once), paths to bundled examples and to ../shared."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "src" / "newsgraph" / "examples"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when the shared folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path} (tests that read ../shared need the project's shared folder)")
    return path


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.enrichment.nlp import load
    return load()[0]


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


# CI sets NEWSGRAPH_STRICT_SKIPS=1: there a test may not skip for want of something CI provides (the shared data,
# Chromium, PostgreSQL, an extra of the test install), so a missing piece fails the run instead of passing unseen.
# The Ray tests are the one exception: they run only inside a loopback-only network namespace, and .ci/run runs
# them there in a second, equally strict pass.
_RUN_SEPARATELY = ("tests/test_ray_executor.py", "tests/test_ray_files.py", "tests/test_ray_cluster.py")


def _strict_skips() -> bool:
    import os
    return os.environ.get("NEWSGRAPH_STRICT_SKIPS") == "1"


_UNWANTED_SKIPS: list[str] = []


def _note_skip(report) -> None:
    if not (report.skipped and _strict_skips()) or hasattr(report, "wasxfail"):
        return
    if str(report.nodeid).startswith(_RUN_SEPARATELY) and not _only_loopback():
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    _UNWANTED_SKIPS.append(f"{report.nodeid}: {reason}")


def pytest_runtest_logreport(report):
    _note_skip(report)


def pytest_collectreport(report):
    _note_skip(report)  # a module skipped at import (importorskip) is reported at collection


def pytest_terminal_summary(terminalreporter):
    for line in _UNWANTED_SKIPS:
        terminalreporter.write_line(f"SKIPPED UNDER NEWSGRAPH_STRICT_SKIPS=1 (CI provides what it needs): {line}",
                                    red=True)


def pytest_sessionfinish(session, exitstatus):
    if _UNWANTED_SKIPS and exitstatus in (0, 5):
        session.exitstatus = 1


def _only_loopback() -> bool:
    """True inside a network namespace whose only interface is loopback (how .ci/run runs the Ray tests); asked of
    the kernel, not /sys, which still shows the namespace sysfs was mounted in."""
    import socket
    return [name for _, name in socket.if_nameindex()] == ["lo"]


@pytest.fixture(scope="session")
def local_ray(tmp_path_factory):
    """One local Ray for the whole session, started as the Ray executor starts one (127.0.0.1, the local provider,
    no dashboard): Ray does not start again in a process that shut it down, so the Ray test files share this one
    and the executors they make join it. Only ever requested by tests that run inside ``unshare -n``."""
    from newsgraph.executors.ray import _local_provider, _ray
    ray = _ray()  # usage statistics off before Ray starts
    with _local_provider(str(tmp_path_factory.mktemp("ray-home"))):
        ray.init(num_cpus=2, include_dashboard=False, _node_ip_address="127.0.0.1", configure_logging=False,
                 log_to_driver=False)
    yield ray
    ray.shutdown()
