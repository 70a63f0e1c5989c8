"""The publishable web page, in a real headless browser: Debian's Chromium via Playwright.

The page is opened from disk with every request recorded: nothing but the page itself may
be fetched. axe-core (vendored in tests/data/axe-core, MPL-2.0) then checks it, and a
screenshot shows it laid out within the viewport. In CI (``CI=true``) a missing browser
fails the test instead of skipping it.
"""

from __future__ import annotations

import json
import os
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gpai_docs.render.build import build_project
from tests.conftest import FIXED_DATE, SAMPLES

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).resolve().parent.parent / "data" / "axe-core" / "axe.min.js"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAGES = ("training-data-summary.public.html", "copyright-policy-summary.public.html")


def _need_browser() -> Any:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if sync_playwright is None or not CHROMIUM.is_file():
        reason = "Playwright and /usr/bin/chromium are needed (bash scripts/setup.sh)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return sync_playwright


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    build_project(SAMPLES / "large-closed", out, formats=("html",), as_of=FIXED_DATE)
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_playwright = _need_browser()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def _open(browser: Any, path: Path) -> tuple[Any, list[str]]:
    page = browser.new_page(viewport={"width": 1000, "height": 1400})
    requests: list[str] = []

    def record(route: Any) -> None:
        requests.append(route.request.url)
        if route.request.url == path.as_uri():
            route.continue_()
        else:
            route.abort()

    page.route("**/*", record)
    page.goto(path.as_uri())
    return page, requests


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("name", PAGES)
def test_page_fetches_nothing_and_passes_axe(browser: Any, site: Path, name: str) -> None:
    page, requests = _open(browser, site / name)
    try:
        assert requests == [(site / name).as_uri()]  # no stylesheet, font, image or script
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        results = page.evaluate("async () => await axe.run(document)")
    finally:
        page.close()
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    passed = {rule["id"] for rule in results["passes"]}
    # The checks the issue names: a language, heading order, table headers, contrast.
    assert {"html-has-lang", "heading-order", "th-has-data-cells", "color-contrast"} <= passed


def test_screenshot_shows_the_template_layout_inside_the_viewport(
    browser: Any, site: Path, tmp_path: Path
) -> None:
    page, _ = _open(browser, site / PAGES[0])
    try:
        shot = page.screenshot(full_page=True, path=str(tmp_path / "summary.png"))
        layout = page.evaluate(
            """() => ({
                title: document.querySelector('h1').textContent,
                bars: [...document.querySelectorAll('h2.bar')].map(h => h.textContent),
                overflow: document.documentElement.scrollWidth > window.innerWidth,
                modalityRows: document.querySelectorAll('table.modalities tbody tr').length,
                bandsStacked: getComputedStyle(document.querySelector('.tick.stacked')).display,
            })"""
        )
    finally:
        page.close()
    width, height = _png_size(shot)
    assert width == 1000 and height > 1400  # the whole summary, several screens long
    assert layout["title"] == (
        "Public Summary of Training Content for vela-2-2026-03-31 and vela-2-2026-09-30"
    )
    assert layout["bars"] == [
        "1. General information",
        "2. List of data sources",
        "3. Data processing aspects",
    ]
    assert layout["overflow"] is False
    assert layout["modalityRows"] == 5  # Text, Image, Audio, Video and Other, used or not
    assert layout["bandsStacked"] == "block"


def test_sidecar_describes_the_page(site: Path) -> None:
    data = json.loads((site / "training-data-summary.public.json").read_text(encoding="utf-8"))
    assert data["format"] == "gpai-docs-public-document/1"
    assert data["version"] == "2.0" and data["last_update"] == "2026-10-01"
    assert data["files"] == {
        "html": "training-data-summary.public.html",
        "pdf": "training-data-summary.public.pdf",
    }
    assert data["content"]["section_1"]["versioned_model_names"] == [
        "vela-2-2026-03-31",
        "vela-2-2026-09-30",
    ]
    assert "count" not in data["content"]["section_1"]["modalities"]["text"]  # internal
    link = "https://meridian-ai.example/eu-ai-act/documentation-requests"
    assert data["links"] == {
        "documentation": {"vela-2-2026-03-31": link, "vela-2-2026-09-30": link}
    }
    assert data["canonical_url"] == "https://meridian-ai.example/eu/vela-2/training-content-summary"


def test_page_is_self_contained(site: Path) -> None:
    for name in PAGES:
        html = (site / name).read_text(encoding="utf-8")
        assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
        assert "<style>" in html and "<script" not in html and "<img" not in html
        assert 'rel="stylesheet"' not in html and "@import" not in html and "url(" not in html
