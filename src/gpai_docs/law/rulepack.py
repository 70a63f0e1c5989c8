"""The rule pack: regulatory numbers, dates and citations, loaded from data/rulepack.yaml.

Rules and determinations read every threshold from here, so that correcting an
unconfirmed fact is a one-line data change. Every fact carries its catalogue id, its
confidence and the day it was last verified (``Source``), so a report can say how fresh
the law it applied is. The opt-out protocol vocabulary (data/optout_protocols.yaml) is
carried with the pack.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Any, TypeVar

from gpai_docs.errors import InternalError
from gpai_docs.law import optout_protocols
from gpai_docs.law.optout_protocols import Vocabulary
from gpai_docs.law.package_data import read_data
from gpai_docs.law.provenance import Fact, Source, fact_of, source_of

_Ordered = TypeVar("_Ordered", Fraction, dt.date)


@dataclass(frozen=True, slots=True)
class Comparison:
    """How a value is measured against a threshold, in the catalogue's own words."""

    name: str
    words: str
    negated: str
    above: bool  # met above the threshold (greater than) rather than below it (before)

    def holds(self, value: _Ordered, threshold: _Ordered) -> bool:
        """Whether ``value`` meets the criterion; the threshold itself never does."""
        return value > threshold if self.above else value < threshold


# Every criterion the catalogue states is strict ("greater than 10^25", "before 2 Aug 2025").
COMPARISONS = {
    c.name: c
    for c in (
        Comparison("greater_than", "greater than", "not greater than", above=True),
        Comparison("more_than", "more than", "not more than", above=True),
        Comparison("less_than", "less than", "not less than", above=False),
        Comparison("before", "before", "not before", above=False),
    )
}


@dataclass(frozen=True, slots=True)
class PackValue:
    """One regulatory fact with the catalogue id behind it."""

    key: str
    value: Any
    label: str
    source: Source
    exact: Fraction | None = None
    comparison: Comparison | None = None

    @property
    def catalogue_id(self) -> str:
        return self.source.catalogue_id

    @property
    def confidence(self) -> str:
        return self.source.confidence


@dataclass(frozen=True, slots=True)
class Bucket:
    """A labelled half-open interval [low, high); ``high`` None means unbounded."""

    label: str
    low: float
    high: float | None

    def contains(self, value: float) -> bool:
        return value >= self.low and (self.high is None or value < self.high)


@dataclass(frozen=True, slots=True)
class BucketSet:
    """Buckets of one Form or template question, with their provenance."""

    source: Source
    buckets: tuple[Bucket, ...]
    unit: str | None = None

    @property
    def catalogue_id(self) -> str:
        return self.source.catalogue_id

    @property
    def confidence(self) -> str:
        return self.source.confidence

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(b.label for b in self.buckets)

    def bucket_for(self, value: float) -> Bucket | None:
        return next((b for b in self.buckets if b.contains(value)), None)

    def by_label(self, label: str) -> Bucket | None:
        return next((b for b in self.buckets if b.label == label), None)


def _exact(raw: Any) -> Fraction | None:
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        return None
    try:
        # A float's shortest repr is the decimal written in the YAML (0.03 stays 3/100).
        return Fraction(repr(raw) if isinstance(raw, float) else raw)
    except (ValueError, ZeroDivisionError):  # "1/0" is text, not a number
        return None


def _number(raw: Any) -> Any:
    exact = _exact(raw) if isinstance(raw, str) else None
    return raw if exact is None else float(exact)


def _value(key: str, spec: dict[str, Any]) -> PackValue:
    raw, name = spec["value"], spec.get("comparison")
    comparison = None
    if name is not None:
        if name not in COMPARISONS:
            raise ValueError(f"rule pack value {key!r}: unknown comparison {name!r}")
        if isinstance(raw, float):
            raise ValueError(
                f"rule pack value {key!r} is a threshold: write it exactly, as an integer "
                'or a quoted number such as "1e23" or "1/3"'
            )
        comparison = COMPARISONS[name]
        if not isinstance(raw, dt.date) and _exact(raw) is None:  # a date is a threshold too
            raise ValueError(
                f"rule pack value {key!r} is a threshold but {raw!r} is not a number: write it "
                'exactly, as an integer or a quoted number such as "1e23" or "1/3"'
            )
    source = source_of(f"rule pack value {key!r}", spec)
    return PackValue(key, _number(raw), spec["label"], source, _exact(raw), comparison)


def _buckets(raw: dict[str, Any], key: str = "buckets") -> tuple[Bucket, ...]:
    return tuple(
        Bucket(b["label"], float(b["min"]), None if b["max"] is None else float(b["max"]))
        for b in raw[key]
    )


@dataclass(frozen=True)
class RulePack:
    """The whole rule pack: named values plus the Form's and template's buckets."""

    version: str
    as_of: dt.date
    values: dict[str, PackValue]
    facts: dict[str, Fact]
    parameter_ranges: BucketSet
    training_time_buckets: BucketSet
    size_bands: dict[str, BucketSet]
    license_categories: tuple[str, ...]
    open_source_license_categories: tuple[str, ...]
    license_categories_source: Source
    protocols: Vocabulary

    def __getitem__(self, key: str) -> Any:
        """The value as written, numbers as floats (for display and measurements)."""
        return self.values[key].value

    def exact(self, key: str) -> Fraction:
        """A number exactly as written in the pack (``"1e23"`` is 10^23, ``"1/3"`` one third)."""
        value = self.values[key].exact
        if value is None:
            raise TypeError(f"rule pack value {key!r} is not a number")
        return value

    def comparison(self, key: str) -> Comparison:
        """How the threshold ``key`` is applied, as its catalogue entry words it."""
        found = self.values[key].comparison
        if found is None:
            raise TypeError(f"rule pack value {key!r} is not a threshold")
        return found

    def ref(self, key: str) -> str:
        """The catalogue id behind a value, for a finding's reference."""
        return self.values[key].catalogue_id

    def date(self, key: str) -> dt.date:
        value = self[key]
        if not isinstance(value, dt.date):
            raise TypeError(f"rule pack value {key!r} is not a date")
        return value

    def cite(self, key: str) -> str:
        """A citation as reports print it (``"C(2025) 8311 final"``)."""
        return self.facts[key].text

    @property
    def sources(self) -> dict[str, Source]:
        """The provenance of every fact in the pack, keyed as rules and determinations name it."""
        out = {key: v.source for key, v in self.values.items()}
        out.update((key, f.source) for key, f in self.facts.items())
        out["parameter_ranges"] = self.parameter_ranges.source
        out["training_time_buckets"] = self.training_time_buckets.source
        out["size_bands"] = self.size_bands["text"].source
        out["license_categories"] = self.license_categories_source
        return out

    def oldest_verified(self, keys: Iterable[str]) -> tuple[str, Source]:
        """Of the facts ``keys``, the one verified longest ago (the first such key on a tie)."""
        sources = self.sources
        used = [(key, sources[key]) for key in dict.fromkeys(keys)]
        if not used:  # every caller cites at least the Act itself
            raise InternalError("asked for the oldest of no rule-pack facts")
        return min(used, key=lambda item: item[1].verified_on)


def _bands(raw: dict[str, Any]) -> dict[str, BucketSet]:
    shared = source_of("rule pack size_bands", raw)
    return {
        modality: BucketSet(
            Source(
                shared.catalogue_id.replace(".text.", f".{modality}."),
                shared.confidence,
                shared.verified_on,
                shared.update_id,
            ),
            _buckets(spec, "bands"),
            unit=spec["unit"],
        )
        for modality, spec in raw.items()
        if isinstance(spec, dict)
    }


def parse(raw: dict[str, Any], protocols: Vocabulary | None = None) -> RulePack:
    """Build a rule pack from its YAML mapping (with the shipped protocol vocabulary)."""
    values = {key: _value(key, spec) for key, spec in raw["values"].items()}
    facts = {key: fact_of(key, spec) for key, spec in raw["facts"].items()}
    pr, tt, lc = raw["parameter_ranges"], raw["training_time_buckets"], raw["license_categories"]
    return RulePack(
        version=str(raw["version"]),
        as_of=raw["as_of"],
        values=values,
        facts=facts,
        parameter_ranges=BucketSet(source_of("rule pack parameter_ranges", pr), _buckets(pr)),
        training_time_buckets=BucketSet(
            source_of("rule pack training_time_buckets", tt), _buckets(tt)
        ),
        size_bands=_bands(raw["size_bands"]),
        license_categories=tuple(lc["values"]),
        open_source_license_categories=tuple(lc["open_source"]),
        license_categories_source=source_of("rule pack license_categories", lc),
        protocols=protocols or optout_protocols.load(),
    )


@cache
def load() -> RulePack:
    """The rule pack shipped with gpai-docs."""
    return parse(read_data("rulepack.yaml"))
