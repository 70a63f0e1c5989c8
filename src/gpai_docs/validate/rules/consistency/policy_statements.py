"""Cross-document rules on what the copyright policy says in words against the summary's
answers: content licensed from rightsholders (summary 2.2.1) and crawling (summary 2.3).

The policy's texts are read sentence by sentence with the patterns of
data/reviewer_cross_lists.yaml: a *claim* ("under licensing agreements with publishers",
"our crawler honours robots.txt", "MeridianBot crawls", a sentence naming a crawler the
policy lists) in a sentence without a negation, or a *denial* ("we do not crawl", "no
licensed content is used"). A sentence that is neither says nothing here. Links and e-mail
addresses are not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from gpai_docs.diagnostics import JsonPath, Severity
from gpai_docs.law.reviewer_cross_lists import lists
from gpai_docs.models.choices import YesNo
from gpai_docs.models.copyright_policy import CopyrightPolicy
from gpai_docs.models.walk import walk_values
from gpai_docs.validate.rules._links import is_link
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.consistency._document_keys import CP, TS
from gpai_docs.validate.rules.context import RuleContext

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")
_SHOWN = 100  # a finding quotes the start of a sentence, never a page of it
_CRAWLERS: JsonPath = ("rights_reservation", "crawlers")


@dataclass(frozen=True, slots=True)
class Statement:
    """One sentence of the policy that says the provider does, or does not, do something."""

    path: JsonPath
    sentence: str
    denial: bool

    @property
    def quoted(self) -> str:
        text = self.sentence if len(self.sentence) <= _SHOWN else self.sentence[:_SHOWN] + "…"
        return repr(text)


def _texts(policy: CopyrightPolicy) -> Iterator[tuple[JsonPath, str]]:
    for node in walk_values(policy):
        value = node.value
        if isinstance(value, str) and not is_link(value) and "@" not in value:
            yield node.path, value


def _any(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def reading(
    sentence: str, topic: str, crawlers: tuple[re.Pattern[str], ...] = ()
) -> Literal["claim", "denial"] | None:
    """Whether one sentence says the provider licenses (``topic`` "licensing") or crawls
    ("crawling") content, says it does not, or says neither. ``crawlers`` are the names of
    the policy's own crawlers: a sentence naming one says the provider crawls."""
    words = lists()
    if topic == "licensing":
        claims, denials, excluded = (
            words.licensing_claims,
            words.licensing_denials,
            words.licensing_exclusions,
        )
    else:
        claims = words.crawling_claims + crawlers
        denials, excluded = words.crawling_denials, words.crawling_exclusions
    if _any(denials, sentence):
        return "denial"
    if _any(claims, sentence) and not _any(words.negations + excluded, sentence):
        return "claim"
    return None


def crawler_names(policy: CopyrightPolicy) -> tuple[re.Pattern[str], ...]:
    """The names (and robots.txt tokens) of the crawlers the policy lists, as whole words."""
    listed = policy.rights_reservation.crawlers
    names: set[str] = set()
    for crawler in listed if isinstance(listed, list) else []:
        names.update(n for n in (crawler.name, crawler.robots_token) if n and n.strip())
    return tuple(
        re.compile(rf"(?<![\w-]){re.escape(n.strip())}(?![\w-])", re.IGNORECASE)
        for n in sorted(names)
    )


def statements(policy: CopyrightPolicy, topic: str) -> list[Statement]:
    """The policy's sentences on ``topic`` ("licensing" or "crawling"), one per field."""
    found = []
    crawlers = crawler_names(policy) if topic == "crawling" else ()
    for path, text in _texts(policy):
        for sentence in (s.strip().rstrip(";") for s in _SENTENCE_END.split(text)):
            said = reading(sentence, topic, crawlers)
            if said is not None:
                found.append(Statement(path, sentence, denial=said == "denial"))
                break
    return found


def _answer(value: object) -> bool | None:
    return value.yes if isinstance(value, YesNo) and value.answer in ("yes", "no") else None


@rule(
    "XD016",
    "policy-statements-match-summary",
    severity=Severity.WARNING,
    reference="CoP Copyright Measures 1.1 and 1.3; summary template 2.2.1 and 2.3",
    catalogue=("COP.C.1.1.policy", "TDS.2.2.1.licensed", "TDS.2.3.crawlers_used", "VR-25"),
    needs=(TS, CP),
)
def policy_statements_match_summary(context: RuleContext) -> Iterator[Finding]:
    """What the copyright policy says about licensed and crawled content matches the summary.

    Why: the policy and the public summary describe the same training data (VR-25). A
    policy that says content was obtained under licensing agreements while section 2.2.1
    (datasets commercially licensed by rightsholders) answers No, or that says "we do not
    license content" while 2.2.1 answers Yes, contradicts the summary; so does a policy
    that says crawling happens ("our crawler honours robots.txt", "we crawl", "we scrape",
    "MeridianBot crawls only publicly accessible pages", pages "are crawled", or any
    sentence naming a crawler the policy lists) while section 2.3 answers No, or says "we
    do not crawl" while 2.3 answers Yes. The sentence is found by wording
    (data/reviewer_cross_lists.yaml): a sentence with a negation is never read as a claim,
    open licences (Creative Commons, open source) are not commercial licences, crawling by
    dataset compilers, Common Crawl or third parties is not the provider's, and "we do not
    crawl paywalled pages" is a limit, not a denial. The crawler list itself
    (`rights_reservation.crawlers`) is XD012's; its prose elsewhere is this rule's, even
    when XD012 also reports the list. A warning: words can be read more than one way. Fix:
    correct the answer in the summary or the sentence in the policy, so that both tell
    the same.

    Passes:
        copyright_policy: {lawful_access: {lawful_access: We train on public datasets and on news archives licensed from publishers.}}
        training_data_summary: {section_2: {licensed_data: {used: Yes, modalities: [Text]}}}

    Fails:
        copyright_policy: {lawful_access: {lawful_access: We train on public datasets and on news archives licensed from publishers.}}
    """
    tds, policy = context.tds.section_2, context.cp
    licensed, crawled = _answer(tds.licensed_data.used), _answer(tds.crawled_data.used)
    checks = (
        ("licensing", licensed, "2.2.1", ("licenses", "license"), ()),
        ("crawling", crawled, "2.3", ("crawls", "crawl"), _CRAWLERS),
    )
    for topic, answer, number, what, skipped in checks:
        if answer is None:
            continue
        for found in statements(policy, topic):
            if skipped and found.path[: len(skipped)] == skipped:
                continue  # the policy's crawler list: XD012 compares it
            if found.denial == (not answer):
                continue
            does = f"does not {what[1]}" if found.denial else what[0]
            whom = "content from rightsholders" if topic == "licensing" else "online sources"
            yield Finding(
                CP,
                found.path,
                f"The copyright policy says the provider {does} {whom} ({found.quoted}), "
                f"but section {number} of the summary answers {'Yes' if answer else 'No'}",
                hint=f"Correct the answer to section {number} of the summary or this "
                "sentence of the policy, so that both documents tell the same.",
            )


@rule(
    "XD017",
    "policy-mentions-licensed-data",
    severity=Severity.INFO,
    reference="CoP Copyright Measure 1.1; summary template 2.2.1",
    catalogue=("COP.C.1.1.policy", "TDS.2.2.1.licensed", "VR-25"),
    needs=(TS, CP),
)
def policy_mentions_licensed_data(context: RuleContext) -> Iterator[Finding]:
    """When the summary says licensed datasets were used, the copyright policy mentions them.

    Why: the copyright policy covers all the training content of the models it covers
    (Measure 1.1), and section 2.2.1 of the summary says content was commercially licensed
    from rightsholders. A policy that says nothing about licensed content leaves a reviewer
    asking how it was obtained and under what terms; the Code does not require the words,
    hence a note. It is found by wording (data/reviewer_cross_lists.yaml): "licensed from
    publishers", "under licensing agreements", "data acquisition agreements". Fix: say in
    the policy, e.g. under `lawful_access` or in a voluntary section, that content is also
    licensed from rightsholders and used under the licences' terms.

    Passes:
        training_data_summary: {section_2: {licensed_data: {used: No}}}

    Fails:
        training_data_summary: {section_2: {licensed_data: {used: Yes, modalities: [Text]}}}
    """
    if _answer(context.tds.section_2.licensed_data.used) is not True:
        return
    found = statements(context.cp, "licensing")
    if not found:
        yield Finding(
            CP,
            ("lawful_access", "lawful_access"),
            "Section 2.2.1 of the summary says datasets were licensed from rightsholders, "
            "but the copyright policy says nothing about licensed content",
            hint="Say in the policy how licensed content is obtained and used under its "
            "licences (under `lawful_access`, or in a voluntary section).",
        )
