"""Word's automatic numbering: the list number a paragraph shows ("2.3.", "(a)", "IV").

Word numbers paragraphs from word/numbering.xml: a paragraph's ``w:numPr`` (its own, or
inherited along its style chain) names a numbering instance (``w:num``, numId 0 meaning
none) and a level; the instance points to an abstract definition (``w:abstractNum``)
whose levels give the start value, the format (decimal, lowerLetter, upperRoman...) and
the text (``%1.%2.``). A level linked to a paragraph style (``w:pStyle``) is the level of
paragraphs numbered through that style. Counting follows Word: the instances of one
abstract definition count together; an instance that overrides a level's start
(``w:startOverride``, Word's "Restart at 1" and "Set numbering value") or the whole level
starts that level again where it is first used (LibreOffice writes a restart that way:
one instance with the override for the first paragraph, one without for the rest); a
deeper level starts again when a higher one advances (``w:lvlRestart`` can say
otherwise). Bullets are not numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from gpai_docs.integrations.docx.names import in_w, on, small_int, val, w
from gpai_docs.integrations.docx.styles import Styles, numbering_properties

LEVELS = 9
_PLACE = re.compile(r"%([1-9])")
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


@dataclass(frozen=True, slots=True)
class Level:
    start: int
    fmt: str
    text: str | None
    restart: int | None
    """``w:lvlRestart``: restart after a level above this 1-based one is used; 0 never."""
    legal: bool
    """``w:isLgl``: every number in the text is shown as decimal."""
    style: str | None
    """The paragraph style linked to this level (``w:pStyle``)."""


@dataclass(frozen=True, slots=True)
class _Instance:
    abstract: str
    starts: dict[int, int]
    levels: dict[int, Level]


def _level(element: Element) -> Level:
    start = small_int(val(element.find(w("start"))))
    restart = val(element.find(w("lvlRestart")))
    return Level(
        start=1 if start is None else start,
        fmt=val(element.find(w("numFmt"))) or "decimal",
        text=val(element.find(w("lvlText"))),
        restart=small_int(restart),
        legal=bool(on(element.find(w("isLgl")))),
        style=val(element.find(w("pStyle"))),
    )


def _levels(parent: Element) -> dict[int, Level]:
    found: dict[int, Level] = {}
    for element in parent.findall(w("lvl")):
        ilvl = small_int(element.get(w("ilvl"), "0"))
        if ilvl is not None and ilvl < LEVELS:
            found.setdefault(ilvl, _level(element))
    return found


def _instance(element: Element) -> _Instance | None:
    abstract = val(element.find(w("abstractNumId")))
    if abstract is None:
        return None
    starts: dict[int, int] = {}
    levels: dict[int, Level] = {}
    for override in element.findall(w("lvlOverride")):
        ilvl = small_int(override.get(w("ilvl"), "0"))
        if ilvl is None or ilvl >= LEVELS:
            continue
        start = small_int(val(override.find(w("startOverride"))))
        if start is not None:
            starts[ilvl] = start
        replaced = override.find(w("lvl"))  # a whole level in place of the definition's
        if replaced is not None:
            levels[ilvl] = _level(replaced)
    return _Instance(abstract, starts, levels)


def _roman(number: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out += letters * count
    return out


def _letters(number: int) -> str:
    if number < 1:
        return ""
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def formatted(number: int, fmt: str) -> str:
    """``number`` as a level of format ``fmt`` shows it (decimal for formats not known)."""
    if fmt == "none":
        return ""
    if fmt in ("lowerLetter", "upperLetter"):
        letters = _letters(number)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(number)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero" and 0 <= number < 10:
        return f"0{number}"
    return str(number)


@dataclass(slots=True)
class _Counter:
    """The counts of one list, per level: None until a paragraph at it is numbered."""

    counts: list[int | None] = field(default_factory=lambda: [None] * LEVELS)
    used: set[str] = field(default_factory=set)
    """The instances seen, whose overrides have started their levels again."""


@dataclass(frozen=True, slots=True)
class _Place:
    """Where a numbered paragraph stands: its instance, list, levels and level."""

    num_id: str
    instance: _Instance
    abstract: str
    levels: dict[int, Level]
    ilvl: int


class Numbering:
    """The numbering of one document, counted paragraph by paragraph in body order."""

    def __init__(self, root: Element | None, styles: Styles) -> None:
        self._styles = styles
        self._abstracts: dict[str, dict[int, Level]] = {}
        self._links: dict[str, str] = {}  # abstractNumId -> the numbering style it uses
        self._instances: dict[str, _Instance] = {}
        self._counters: dict[str, _Counter] = {}
        for element in root if root is not None else ():
            name = in_w(element)
            if name == "abstractNum" and (key := element.get(w("abstractNumId"))) is not None:
                self._abstracts.setdefault(key, _levels(element))
                link = val(element.find(w("numStyleLink")))
                if link is not None:
                    self._links[key] = link
            elif name == "num" and (key := element.get(w("numId"))) is not None:
                instance = _instance(element)
                if instance is not None:
                    self._instances.setdefault(key, instance)

    def _definition(self, abstract: str) -> tuple[str, dict[int, Level]]:
        """The abstract definition that holds the levels, through ``w:numStyleLink``."""
        for _ in range(LEVELS):
            link = self._links.get(abstract)
            if link is None:
                break
            num_id, _, _ = self._styles.numbering(link, kind="numbering")
            target = self._instances.get(num_id or "")
            if target is None or target.abstract == abstract:
                break
            abstract = target.abstract
        return abstract, self._abstracts.get(abstract, {})

    def _place(self, ppr: Element | None, sid: str | None) -> _Place | None:
        direct_num, direct_level = numbering_properties(ppr)
        style_num, style_level, source = self._styles.numbering(sid)
        num_id = direct_num if direct_num is not None else style_num
        instance = self._instances.get(num_id) if num_id not in (None, "0") else None
        if num_id is None or instance is None:
            return None
        abstract, defined = self._definition(instance.abstract)
        levels = defined | instance.levels
        ilvl = direct_level
        if ilvl is None:  # a level linked to the style comes before the style's own ilvl
            linked = [i for s in (sid, source) for i, lvl in levels.items() if lvl.style == s]
            ilvl = linked[0] if linked else style_level or 0
        return _Place(num_id, instance, abstract, levels, ilvl)

    def paragraph(self, ppr: Element | None, sid: str | None) -> str | None:
        """Count a paragraph (``ppr`` its properties, ``sid`` its style): the label it
        shows, None when it is not numbered or shows a bullet."""
        place = self._place(ppr, sid) if self._instances else None
        level = place.levels.get(place.ilvl) if place is not None else None
        if place is None or level is None:
            return None
        counter = self._counters.setdefault(place.abstract, _Counter())
        counts, instance = counter.counts, place.instance
        if place.num_id not in counter.used:
            counter.used.add(place.num_id)
            for overridden in {*instance.starts, *instance.levels}:
                counts[overridden] = None
        previous = counts[place.ilvl]
        start = instance.starts.get(place.ilvl, level.start)
        counts[place.ilvl] = start if previous is None else previous + 1
        for deeper in range(place.ilvl + 1, LEVELS):
            restart = place.levels[deeper].restart if deeper in place.levels else None
            if restart is None or (restart != 0 and place.ilvl < restart):
                counts[deeper] = None
        if level.fmt == "bullet" or not level.text:
            return None
        shown = _PLACE.sub(lambda match: self._number(place, counts, match), level.text)
        return shown.strip() or None

    def _number(self, place: _Place, counts: list[int | None], match: re.Match[str]) -> str:
        """The number a ``%N`` of the level's text stands for, in its level's format."""
        at = int(match.group(1)) - 1
        shown = place.levels.get(at)
        if shown is None:
            return ""
        count = counts[at]
        value = place.instance.starts.get(at, shown.start) if count is None else count
        legal = place.levels[place.ilvl].legal
        return formatted(value, "decimal" if legal else shown.fmt)
