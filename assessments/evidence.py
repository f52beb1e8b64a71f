"""Answers checked against the customer data.

A company's own answers about itself are the weakest evidence there is; the
customer data it has imported is stronger. A question may name an *evidence
check* in its questionnaire file: which figure of the data tests the claim the
answer makes, and below or above which value the data contradicts it.

Decisions, pinned by tests:

- An answer that makes no claim (a low rating where the check tests a high
  one) is not tested; an unanswered question neither.
- A claim whose figure is missing (nothing imported yet, or no analysis) is
  *untested*, and says which data would test it, instead of staying silent.
- A figure exactly on the line does not contradict: "below 50" means under 50.
- The check is a pure function of (definition, answers, figures); the figures
  are gathered elsewhere from what is stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assessments.questionnaire import Definition, Question, Text


class Figure(StrEnum):
    """What the stored customer data can tell about the company."""

    #: percent of customers with at least one contact marked as decision maker
    DECISION_MAKER_COVERAGE = "decision_maker_coverage"
    #: percent of customer records verified in the last 12 months
    VERIFIED_12M = "verified_12m"
    #: percent of customers with an e-mail address / a phone number
    EMAIL_SHARE = "email_share"
    PHONE_SHARE = "phone_share"
    #: complaints recorded in the last 12 months
    COMPLAINTS_12M = "complaints_12m"
    #: interactions logged in the last 90 days, and the channels they used
    INTERACTIONS_90D = "interactions_90d"
    CHANNELS_90D = "channels_90d"
    #: percent of the analysed customers who bought in the last 12 months
    BOUGHT_12M_SHARE = "bought_12m_share"


class Source(StrEnum):
    """The data that gives a figure: what to import, or run, to test a claim."""

    CUSTOMERS = "customers"
    CONTACTS = "contacts"
    COMPLAINTS = "complaints"
    INTERACTIONS = "interactions"
    ANALYSIS = "analysis"


#: Figures that are percents (the others are counts).
IN_PERCENT = frozenset(
    {
        Figure.DECISION_MAKER_COVERAGE,
        Figure.VERIFIED_12M,
        Figure.EMAIL_SHARE,
        Figure.PHONE_SHARE,
        Figure.BOUGHT_12M_SHARE,
    }
)

SOURCE_OF = {
    Figure.DECISION_MAKER_COVERAGE: Source.CONTACTS,
    Figure.VERIFIED_12M: Source.CUSTOMERS,
    Figure.EMAIL_SHARE: Source.CUSTOMERS,
    Figure.PHONE_SHARE: Source.CUSTOMERS,
    Figure.COMPLAINTS_12M: Source.COMPLAINTS,
    Figure.INTERACTIONS_90D: Source.INTERACTIONS,
    Figure.CHANNELS_90D: Source.INTERACTIONS,
    Figure.BOUGHT_12M_SHARE: Source.ANALYSIS,
}


@dataclass(frozen=True)
class Claim:
    """Which answers make the claim the data can test: a rating or number at
    least / at most a value, or one of the named options."""

    at_least: float | None = None
    at_most: float | None = None
    one_of: frozenset[str] = frozenset()

    def made_by(self, answer: object) -> bool:
        if answer is None or answer == "" or answer == []:
            return False
        if self.one_of:
            chosen = answer if isinstance(answer, list) else [answer]
            return any(str(option) in self.one_of for option in chosen)
        if isinstance(answer, bool) or not isinstance(answer, int | float):
            return False
        return (self.at_least is None or answer >= self.at_least) and (
            self.at_most is None or answer <= self.at_most
        )


@dataclass(frozen=True)
class Line:
    """Where the data contradicts the claim: a figure under ``below`` or over
    ``above`` (a figure on the line does not)."""

    below: float | None = None
    above: float | None = None

    def crossed_by(self, value: float) -> bool:
        return (self.below is not None and value < self.below) or (
            self.above is not None and value > self.above
        )


@dataclass(frozen=True)
class Evidence:
    """One check: the figure, the answers that claim something, the line the
    data must not cross, and why crossing it contradicts the claim."""

    figure: Figure
    claim: Claim
    line: Line
    why: Text

    @property
    def source(self) -> Source:
        return SOURCE_OF[self.figure]


class Verdict(StrEnum):
    CONTRADICTED = "contradicted"
    SUPPORTED = "supported"
    #: the figure is missing: the data that would test the claim is not there
    UNTESTED = "untested"


@dataclass(frozen=True)
class Finding:
    question: Question
    evidence: Evidence
    answer: object
    #: the figure, None when the data to compute it is missing
    value: float | None
    verdict: Verdict


def check(
    definition: Definition,
    answers: Mapping[str, object],
    figures: Mapping[Figure, float | None],
) -> list[Finding]:
    """Every claim the answers make that a check of the definition tests, in
    the questionnaire's order, with what the data says of it."""
    return [
        _finding(question, answers[question.id], figures.get(question.evidence.figure))
        for question in _checked(definition.questions())
        if question.evidence.claim.made_by(answers.get(question.id))
    ]


def contradicted(findings: Iterable[Finding]) -> list[Finding]:
    """The findings the data contradicts."""
    return [f for f in findings if f.verdict == Verdict.CONTRADICTED]


def _checked(questions: Iterable[Question]) -> Iterable[Question]:
    return (question for question in questions if question.evidence is not None)


def _finding(question: Question, answer: object, value: float | None) -> Finding:
    evidence = question.evidence
    if value is None:
        verdict = Verdict.UNTESTED
    elif evidence.line.crossed_by(value):
        verdict = Verdict.CONTRADICTED
    else:
        verdict = Verdict.SUPPORTED
    return Finding(question, evidence, answer, value, verdict)
