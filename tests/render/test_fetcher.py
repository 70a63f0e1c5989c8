"""The PDF engine may read the package's own assets and nothing else."""

from __future__ import annotations

import pytest

from gpai_docs.render.pdf import RefusedFetch, assets_dir, resolve_asset


def test_package_assets_are_served() -> None:
    font = assets_dir() / "fonts" / "DejaVuSans.ttf"
    assert resolve_asset(font.as_uri()) == font


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/x.png",
        "https://example.com/font.ttf",
        "ftp://example.com/x",
        "data:image/png;base64,AAAA",
        "file:///etc/passwd",
        "file://remote-host/share/x.css",
        "relative.css",
    ],
)
def test_everything_else_is_refused(url: str) -> None:
    with pytest.raises(RefusedFetch):
        resolve_asset(url)


def test_traversal_out_of_the_assets_is_refused() -> None:
    escape = assets_dir().as_uri() + "/../render/pdf.py"
    with pytest.raises(RefusedFetch):
        resolve_asset(escape)
