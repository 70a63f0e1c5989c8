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
from typing import Any

import yaml


@dataclass(frozen=True, slots=True)
class PackValue:
    """One regulatory fact with the catalogue id behind it."""

    key: str
    value: Any
    catalogue_id: str
    confidence: str
    label: str


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


def _number(raw: Any) -> Any:
    if isinstance(raw, str) and "/" in raw:
        return float(Fraction(raw))
    return raw


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
        return self.values[key].value

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
    values = {
        key: PackValue(key, _number(v["value"]), v["catalogue_id"], v["confidence"], v["label"])
        for key, v in raw["values"].items()
    }
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
