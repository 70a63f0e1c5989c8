"""HTML to PDF/A-3b with WeasyPrint, imported only when a PDF is actually written.

Rendering reads nothing but the package's own assets: the URL fetcher serves files from
the templates folder and refuses every other URL (http, https, ftp, data, other files),
so a document cannot make the build reach the network or the disk. Dates come from the
caller (document dates or ``SOURCE_DATE_EPOCH``), so the same input gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import gc
import mimetypes
import sys
import warnings
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from gpai_docs.errors import GpaiDocsError

PDF_VARIANT = "pdf/a-3b"


class PdfUnavailable(GpaiDocsError):
    """WeasyPrint (or the system libraries it needs) is not installed."""


class RefusedFetch(ValueError):
    """A resource outside the package's assets was requested."""


@dataclass(frozen=True, slots=True)
class PdfJob:
    """Everything one PDF needs; plain data so it can cross to a worker process."""

    html: str
    attachments: tuple[tuple[str, bytes, str], ...]
    stamp: dt.datetime


def assets_dir() -> Path:
    """The package's templates folder (fonts, stylesheet), as a real directory."""
    return Path(str(resources.files("gpai_docs").joinpath("templates"))).resolve()


def base_url() -> str:
    return assets_dir().as_uri() + "/"


WEASYPRINT_INSTALL_DOCS = (
    "https://doc.courtbouillon.org/weasyprint/stable/first_steps.html#installation"
)


def pango_install_hint(platform: str | None = None, os_release: str | None = None) -> str:
    """How to install Pango, WeasyPrint's system library, on this system.

    ``platform`` is :data:`sys.platform`; ``os_release`` the text of ``/etc/os-release``
    (read when not given), which tells Debian from Fedora. Both are parameters so that
    every system's wording can be tested on any one.
    """
    platform = sys.platform if platform is None else platform
    if platform == "darwin":
        return "on macOS, `brew install pango`"
    if platform in ("win32", "cygwin"):
        return (
            "on Windows, install MSYS2 and run `pacman -S mingw-w64-x86_64-pango` in it "
            f"(see {WEASYPRINT_INSTALL_DOCS})"
        )
    if platform.startswith("linux"):
        if os_release is None:
            try:
                os_release = Path("/etc/os-release").read_text(encoding="utf-8")
            except OSError:
                os_release = ""
        ids = " ".join(
            line.split("=", 1)[1].strip("\"' ").lower()
            for line in os_release.splitlines()
            if line.startswith(("ID=", "ID_LIKE="))
        ).split()
        if {"debian", "ubuntu"} & set(ids):
            return (
                "on Debian or Ubuntu, "
                "`apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0`"
            )
        if {"fedora", "rhel", "centos"} & set(ids):
            return "on Fedora, `dnf install pango`"
    return f"see {WEASYPRINT_INSTALL_DOCS} for your system"


def _weasyprint() -> Any:
    try:
        import weasyprint
    except ImportError as error:
        raise PdfUnavailable(
            f"PDF output needs WeasyPrint, which is not installed ({error}).",
            hint="Install gpai-docs with its `pdf` extra (`pipx install 'gpai-docs[pdf]'`, "
            "`uv tool install 'gpai-docs[pdf]'` or `pip install 'gpai-docs[pdf]'`), and "
            f"the Pango library: {pango_install_hint()}; or build Markdown only with "
            "`--no-pdf`.",
        ) from None
    except OSError as error:
        raise PdfUnavailable(
            f"PDF output needs the Pango library, which WeasyPrint could not load ({error}).",
            hint=f"Install Pango: {pango_install_hint()}; or build Markdown only with `--no-pdf`.",
        ) from None
    return weasyprint


def check_available() -> None:
    """Raise :class:`PdfUnavailable` now rather than in the middle of a build."""
    _weasyprint()


def resolve_asset(url: str) -> Path:
    """The package file a ``file:`` URL names; :class:`RefusedFetch` for anything else."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        raise RefusedFetch(f"gpai-docs does not fetch {parts.scheme or 'relative'} URLs: {url}")
    root = assets_dir()
    path = Path(unquote(parts.path)).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        raise RefusedFetch(f"gpai-docs only reads its own assets, not {url}")
    return path


@cache
def fetcher() -> Any:
    """A WeasyPrint URL fetcher that serves the package's assets and nothing else."""
    weasyprint = _weasyprint()
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class AssetFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            path = resolve_asset(url)
            media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                url, body=path.read_bytes(), headers={"Content-Type": media_type}
            )

    del weasyprint
    return AssetFetcher(fail_on_errors=False)


def write_pdf(job: PdfJob) -> bytes:
    """Lay out one page set and return the PDF bytes."""
    weasyprint = _weasyprint()
    url_fetcher = fetcher()
    stamp = job.stamp.replace(tzinfo=None)
    attachments = [
        weasyprint.Attachment(
            string=data,
            name=name,
            description=description,
            created=stamp,
            modified=stamp,
            url_fetcher=url_fetcher,
            relationship="Source",
        )
        for name, data, description in job.attachments
    ]
    document = weasyprint.HTML(string=job.html, base_url=base_url(), url_fetcher=url_fetcher)
    with warnings.catch_warnings():
        # WeasyPrint's PDF/A writer leaves its sRGB profile file open; collect it here,
        # where the warning is known and harmless, rather than at a random later point.
        warnings.simplefilter("ignore", ResourceWarning)
        pdf: bytes = document.write_pdf(
            pdf_variant=PDF_VARIANT,
            pdf_tags=True,
            attachments=attachments,
            uncompressed_pdf=False,
        )
        del document
        gc.collect()
    return pdf
