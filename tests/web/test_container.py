"""The Dockerfile, read as a builder reads it: a pinned base (no `latest`), nothing fetched
from an index in the build, a non-root user, a HEALTHCHECK on /healthz, `tradeoff serve`.

Building and running the image is `deploy/build-image` then `deploy/check-image` (a minute or
more, and a container engine): not part of the test run.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tradeoff.web.security import HEALTH_PATH

ROOT = Path(__file__).resolve().parents[2]


def instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of a Dockerfile: continuations joined, comments dropped."""
    joined = re.sub(r"\\\n", " ", "\n".join(
        line for line in text.splitlines() if not line.lstrip().startswith("#")
    ))  # fmt: skip
    out = []
    for line in joined.splitlines():
        if line.strip():
            word, _, rest = line.strip().partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


@pytest.fixture(scope="module")
def dockerfile() -> list[tuple[str, str]]:
    return instructions((ROOT / "Dockerfile").read_text(encoding="utf-8"))


def test_bases_are_pinned_and_never_latest(dockerfile: list[tuple[str, str]]) -> None:
    args = dict(a.split("=", 1) for i, a in dockerfile if i == "ARG" and "=" in a)
    froms = [a.split()[0] for i, a in dockerfile if i == "FROM"]
    assert froms, "no FROM"
    for image in froms:
        image = re.sub(r"\$\{(\w+)\}", lambda m: args[m.group(1)], image)
        assert ":" in image and not image.endswith(":latest"), image


def test_nothing_is_fetched_from_an_index_in_the_build(dockerfile: list[tuple[str, str]]) -> None:
    runs = " ".join(a for i, a in dockerfile if i == "RUN")
    assert "pip install" in runs and "--no-index" in runs
    assert not re.search(r"\b(curl|wget|apt-get|apk)\b", runs)


def test_runs_as_a_numeric_non_root_user(dockerfile: list[tuple[str, str]]) -> None:
    users = [a for i, a in dockerfile if i == "USER"]
    assert users, "no USER: the container would run as root"
    user = users[-1].split(":")[0]
    assert user.isdigit() and int(user) >= 1000, user  # numeric: no passwd entry needed


def test_health_check_asks_healthz(dockerfile: list[tuple[str, str]]) -> None:
    (check,) = [a for i, a in dockerfile if i == "HEALTHCHECK"]
    assert "CMD" in check and HEALTH_PATH in check and "--timeout" in check


def test_it_serves(dockerfile: list[tuple[str, str]]) -> None:
    entry = [a for i, a in dockerfile if i == "ENTRYPOINT"][-1]
    cmd = [a for i, a in dockerfile if i == "CMD"][-1]
    assert json.loads(entry) == ["tradeoff"] and json.loads(cmd) == ["serve"]  # exec form
    env = " ".join(a for i, a in dockerfile if i == "ENV")
    assert "TRADEOFF_HOST=0.0.0.0" in env and "TRADEOFF_WORKERS=" in env


def test_parser_sees_continuations_and_comments() -> None:
    parsed = instructions("# USER root\nFROM a:1\nRUN x \\\n  && y\nUSER 10001\n")
    assert parsed == [("FROM", "a:1"), ("RUN", "x    && y"), ("USER", "10001")]
