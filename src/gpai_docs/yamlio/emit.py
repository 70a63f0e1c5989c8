"""YAML text that the Hub (PyYAML, YAML 1.1) and gpai-docs (YAML 1.2) read back alike.

PyYAML quotes a string only where YAML 1.1 would read it as something else (``no``,
``010``), so ``0o7`` or ``1e3`` went out plain and came back from a YAML 1.2 reader as
numbers; a string is quoted here when either version would misread it. The scaffold's
values are written by :func:`dump_flow`; the entries gpai-docs changes in a file the user
owns (a card's front matter, an imported project) are written by yamlio/roundtrip.py,
which quotes with :func:`needs_escapes` and the same rule. Never string formatting.
"""

from __future__ import annotations

import sys
from typing import Any

import yaml

from gpai_docs.yamlio.core import reads_as_text


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper with strings quoted for YAML 1.2 readers as well."""


def needs_escapes(text: str) -> bool:
    """Line breaks (NEL and U+2028 too, which YAML 1.1 folds into a space in single quotes),
    control characters and a byte-order mark (which libyaml refuses raw): only double
    quotes, with escapes, write them back as they were."""
    return any(c in "\x85\u2028\u2029\ufeff" or c < " " or "\x7f" <= c <= "\x9f" for c in text)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    # PyYAML itself goes on to quote what YAML 1.1 would misread (`no`, `010`).
    style = '"' if needs_escapes(data) else None if reads_as_text(data) else "'"
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_flow(value: Any) -> str:
    """``value`` as one line of flow-style YAML, to stand after ``key: ``."""
    # Dumped inside a mapping: a bare scalar would get YAML's "..." document-end marker.
    text = yaml.dump(
        {"v": value},
        Dumper=_Dumper,
        default_flow_style=True,
        allow_unicode=True,
        width=sys.maxsize,
    )
    return text.strip()[len("{v: ") : -1]
