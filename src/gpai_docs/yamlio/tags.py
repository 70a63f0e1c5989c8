"""Find explicit YAML tags and directives in a document, which gpai-docs refuses (DL005).

A tag asks a reader to construct a type (``!!binary``, ``!!timestamp``, ``!!python/...``,
``!custom``) or to re-type a value (``!!str 010``, ``!!int "5"``); a ``%TAG`` directive
renames tags and ``%YAML 1.1`` asks for other scalar rules. Readers honour these
differently (PyYAML builds bytes and dates, others keep text, gpai-docs used to read null),
so one file would mean different things to different tools: refusing them is the only
reading every tool agrees with. libyaml's composer resolves tags onto nodes, where an
explicit ``!!str`` cannot be told from an untagged string; only the parser's events say
which tags were written, so this reads them (at C speed, aliases not expanded).
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

# Enough to show the pattern; a file of 100,000 tags must not become 100,000 findings.
MAX_REPORTED = 20
_CORE_PREFIX = "tag:yaml.org,2002:"
_PLAIN_HINT = (
    "Remove the tag. gpai-docs reads plain YAML values only: text, numbers, true/false, "
    "lists and mappings; put text in quotes ('010') to keep it as written."
)


@dataclass(frozen=True)
class TagUse:
    """One tag or directive as written: what it is, how to fix it, and where."""

    message: str
    hint: str
    line: int
    column: int


def _shown(tag: str) -> str:
    if tag.startswith(_CORE_PREFIX):
        return "!!" + tag[len(_CORE_PREFIX) :]
    return tag if tag.startswith("!") else f"!<{tag}>"


def _tag_use(tag: str, line: int, column: int) -> TagUse:
    shown = _shown(tag)
    if shown == "!":
        message = "The value is marked with the non-specific tag `!`."
    else:
        message = f"The YAML tag `{shown}` is not supported."
    message += " Tags are read differently by different YAML readers, so gpai-docs refuses them."
    return TagUse(message, _PLAIN_HINT, line, column)


def _directives(text: str) -> list[TagUse]:
    """``%TAG`` directives, and ``%YAML`` ones asking for another version than 1.2."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith("%TAG"):
            found.append(
                TagUse(
                    "The `%TAG` directive is not supported: it renames YAML tags.",
                    "Remove the directive and the tags that use it; write plain values.",
                    number,
                    1,
                )
            )
        elif line.startswith("%YAML") and line.split()[1:2] != ["1.2"]:
            found.append(
                TagUse(
                    f"The `{line.strip()}` directive asks for other rules than the YAML 1.2 "
                    "gpai-docs applies (under 1.1, `no` is false and `010` is 8).",
                    "Remove the directive, or write `%YAML 1.2`.",
                    number,
                    1,
                )
            )
        elif line.startswith("---"):
            break  # directives come only before the first document
    return found


def explicit_tags(text: str) -> list[TagUse]:
    """Every tag and directive written in ``text`` (valid YAML), in order, at most MAX_REPORTED."""
    if "!" not in text and "%" not in text:  # a tag starts with `!`, a directive with `%`
        return []
    found = _directives(text) if text.startswith("%") or "\n%" in text else []
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if len(found) >= MAX_REPORTED:
            break
        tag = getattr(event, "tag", None)
        if isinstance(event, yaml.NodeEvent) and tag is not None:
            mark = event.start_mark  # libyaml always sets it; the stubs allow None
            line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
            found.append(_tag_use(tag, line, column))
    return found[:MAX_REPORTED]
