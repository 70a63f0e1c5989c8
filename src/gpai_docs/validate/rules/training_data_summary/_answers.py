"""What the TS rules share: the document they report on, and how they read a Yes/No answer."""

from __future__ import annotations

from gpai_docs.models.choices import YesNo

TS = "training_data_summary"
NEEDS = (TS,)


def answered_yes(answer: object) -> bool:
    return isinstance(answer, YesNo) and answer.yes


def answered_no(answer: object) -> bool:
    return isinstance(answer, YesNo) and answer.no
