"""The rule pack: regulatory numbers and dates, loaded from data/rulepack.yaml.

Rules and determinations read every threshold from here, so that correcting an
unconfirmed fact is a one-line data change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from importlib import resources
from typing import Any, TypeVar

import yaml

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
    catalogue_id: str
    confidence: str
    label: str
    exact: Fraction | None = None
    comparison: Comparison | None = None


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

    catalogue_id: str
    confidence: str
    buckets: tuple[Bucket, ...]
    unit: str | None = None

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
    except ValueError:
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
    return PackValue(
        key,
        _number(raw),
        spec["catalogue_id"],
        spec["confidence"],
        spec["label"],
        _exact(raw),
        comparison,
    )


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
    parameter_ranges: BucketSet
    training_time_buckets: BucketSet
    size_bands: dict[str, BucketSet]
    license_categories: tuple[str, ...]
    open_source_license_categories: tuple[str, ...]

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


def parse(raw: dict[str, Any]) -> RulePack:
    """Build a rule pack from its YAML mapping."""
    values = {key: _value(key, spec) for key, spec in raw["values"].items()}
    bands = {
        modality: BucketSet(
            raw["size_bands"]["catalogue_id"].replace(".text.", f".{modality}."),
            raw["size_bands"]["confidence"],
            _buckets(spec, "bands"),
            unit=spec["unit"],
        )
        for modality, spec in raw["size_bands"].items()
        if isinstance(spec, dict)
    }
    pr, tt, lc = raw["parameter_ranges"], raw["training_time_buckets"], raw["license_categories"]
    return RulePack(
        version=str(raw["version"]),
        as_of=raw["as_of"],
        values=values,
        parameter_ranges=BucketSet(pr["catalogue_id"], pr["confidence"], _buckets(pr)),
        training_time_buckets=BucketSet(tt["catalogue_id"], tt["confidence"], _buckets(tt)),
        size_bands=bands,
        license_categories=tuple(lc["values"]),
        open_source_license_categories=tuple(lc["open_source"]),
    )


@cache
def load() -> RulePack:
    """The rule pack shipped with gpai-docs."""
    text = resources.files("gpai_docs").joinpath("data/rulepack.yaml").read_text(encoding="utf-8")
    return parse(yaml.load(text, Loader=yaml.CSafeLoader))
