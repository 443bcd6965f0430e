"""Downloading the upstream datasets for `tradeoff refresh`: bounded, conditional, checked.

Each source is one URL. A request carries the ``ETag`` / ``Last-Modified`` of the last
download (``If-None-Match`` / ``If-Modified-Since``); a 304 means nothing changed upstream.
A body larger than the source's ``max_bytes`` is refused (by its Content-Length, and while
reading, whatever the header said); every request has a timeout. A failure names the source
and its URL and leaves nothing behind but files in the caller's temporary folder.
"""

from __future__ import annotations

import re
import tarfile
from dataclasses import dataclass
from pathlib import Path

import httpx

from tradeoff import __version__
from tradeoff.errors import DataError

CHUNK = 64 * 1024
_COMMIT = re.compile(r"^[0-9a-f]{40}$")


@dataclass(frozen=True)
class Validators:
    """What the server said about the last download (sent back as conditions)."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        out = {}
        if self.etag:
            out["if-none-match"] = self.etag
        if self.last_modified:
            out["if-modified-since"] = self.last_modified
        return out


@dataclass(frozen=True)
class Download:
    """One source's response: a new body in ``path``, or ``None`` when unchanged (304)."""

    source: str
    url: str
    path: Path | None
    validators: Validators
    size: int = 0


def fetch(
    client: httpx.Client,
    source: str,
    url: str,
    into: Path,
    *,
    known: Validators,
    max_bytes: int,
) -> Download:
    """GET ``url`` into the file ``into`` unless the server says it is unchanged."""
    if not url.startswith(("http://", "https://")):
        raise DataError(f"{source}: only http(s) URLs can be refreshed, got {url!r}", field="url")
    try:
        with client.stream("GET", url, headers=known.headers()) as response:
            if response.status_code == 304:
                return Download(source, url, None, known)
            if response.status_code != 200:
                raise DataError(
                    f"{source}: {url} answered HTTP {response.status_code}; nothing was changed"
                )
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise DataError(_too_big(source, url, max_bytes))
            size = 0
            with open(into, "wb") as handle:
                for chunk in response.iter_bytes(CHUNK):
                    size += len(chunk)
                    if size > max_bytes:
                        raise DataError(_too_big(source, url, max_bytes))
                    handle.write(chunk)
            validators = Validators(
                response.headers.get("etag"), response.headers.get("last-modified")
            )
    except httpx.TimeoutException:
        raise DataError(f"{source}: {url} timed out; nothing was changed") from None
    except httpx.HTTPError as exc:
        raise DataError(f"{source}: cannot fetch {url} ({exc}); nothing was changed") from None
    return Download(source, url, into, validators, size)


def _too_big(source: str, url: str, max_bytes: int) -> str:
    return (
        f"{source}: {url} is larger than max_bytes ({max_bytes:,} bytes); nothing was changed "
        "(raise max_bytes in the refresh config if the dataset really grew)"
    )


def client(timeout_s: float) -> httpx.Client:
    """The HTTP client of one refresh: timeouts on every phase, redirects followed."""
    return httpx.Client(
        timeout=httpx.Timeout(timeout_s),
        follow_redirects=True,
        max_redirects=5,
        headers={"user-agent": f"tradeoff/{__version__} (refresh)"},
    )


def unpack_tree(archive: Path, into: Path, source: str) -> tuple[Path, str | None]:
    """A repository snapshot (``.tar.gz``, as GitHub serves one) unpacked safely into
    ``into``; returns its root folder and the commit the archive names (``git archive``
    writes it into the pax header), if any."""
    try:
        with tarfile.open(archive, "r:*") as tar:
            comment = tar.pax_headers.get("comment", "")
            tar.extractall(into, filter="data")  # no links out, no absolute paths, no devices
    except (tarfile.TarError, OSError) as exc:
        raise DataError(f"{source}: not a readable .tar.gz snapshot ({exc})") from None
    entries = [p for p in into.iterdir()]
    root = entries[0] if len(entries) == 1 and entries[0].is_dir() else into
    return root, comment if _COMMIT.match(comment) else None
