"""Answers to scores: a pure function of (definition, answers).

Rules, so that a score can always be explained:

- A dimension score (0–100) is what the answers achieved over what the same
  questions could have achieved at best. Unanswered questions count neither way;
  a dimension no answered question touches has no score (None).
- A section with a ``dimension_share`` carries that part of every dimension
  its answers touch, the other sections together the rest: each part is what
  its answers achieved over their best, and the parts are weighed by their
  shares (over the parts with an answer). So a statement about where the
  company stands today can outweigh many answers about what it intends.
  Each answer's weight in a dimension is the most it could add to the score.
- A scale answer v counts as the fraction (v - 1) / 4, or (5 - v) / 4 when the
  question is reversed.
- A multiple-choice question weighs as much as a single-choice one: its
  category points and dimension weights are the average of the chosen options.
- A gate score (0–100) is the average support of its answered questions.
- A section score (0–100) is what its answered scale, yes/no and single-choice
  questions achieved over the most they could have achieved, each such question
  worth one point: a scale answer its fraction; a chosen option its gate score,
  or else its dimension weights over those of the best option. Questions whose
  options carry neither count neither way; a section without a counted answer
  has no score (None).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from assessments.questionnaire import (
    SCALE_MAX,
    SCALE_MIN,
    Category,
    Definition,
    Dimension,
    Gate,
    Kind,
    Option,
    Question,
)

#: An answer as stored: an option id, a list of option ids, a 1–5 integer, a
#: number or a free text, by question kind.
AnswerValue = str | int | float | list[str]


@dataclass(frozen=True)
class Contribution:
    """How much one answer moved one score."""

    question_id: str
    #: the chosen option ids, or the value itself for scale questions
    answer: tuple[str, ...]
    points: float


@dataclass(frozen=True)
class WeightedAnswer(Contribution):
    """One answer's part in a dimension score: ``points`` is what it added and
    ``weight`` the most it could have added, both on the score's 0–100 scale
    (the weights of a dimension's answers add up to 100)."""

    weight: float = 0.0


@dataclass(frozen=True)
class Score:
    #: 0–100, or None when no answered question bears on it
    value: float | None
    #: every answer that bore on it, the strongest first
    contributions: tuple[Contribution, ...]


@dataclass(frozen=True)
class GateScore(Score):
    answered: int = 0
    total: int = 0


@dataclass(frozen=True)
class ScoreResult:
    dimensions: Mapping[Dimension, Score]
    #: category points (not 0–100: the categories compete on raw points)
    categories: Mapping[Category, Score]
    gates: Mapping[Gate, GateScore]
    answered: int
    #: ids of required questions without an answer, in questionnaire order
    missing_required: tuple[str, ...]


def score(definition: Definition, answers: Mapping[str, AnswerValue]) -> ScoreResult:
    """Score a questionnaire's answers; unknown question ids are ignored."""
    dimension_parts = _DimensionParts(definition)
    category_parts: dict[Category, list[Contribution]] = defaultdict(list)
    gate_parts: dict[Gate, list[Contribution]] = defaultdict(list)
    gate_totals: dict[Gate, int] = defaultdict(int)
    answered, missing = 0, []

    for section, question in _questions(definition):
        if question.gate:
            gate_totals[question.gate] += 1
        value = answers.get(question.id)
        if not is_answered(question, value):
            if is_required(question, answers):
                missing.append(question.id)
            continue
        answered += 1
        shown = _shown(value)
        for dimension, (got, best) in _dimension_points(question, value).items():
            dimension_parts.add(dimension, section, question.id, shown, got, best)
        for category, points in _category_points(question, value).items():
            category_parts[category].append(Contribution(question.id, shown, points))
        if question.gate:
            support = _gate_support(question, value)
            gate_parts[question.gate].append(Contribution(question.id, shown, support))

    return ScoreResult(
        dimensions={d: dimension_parts.score(d) for d in Dimension},
        categories={
            category: Score(
                sum(part.points for part in category_parts[category]),
                _strongest_first(category_parts[category]),
            )
            for category in Category
        },
        gates={
            gate: GateScore(
                value=_average_percent(gate_parts[gate]),
                contributions=_strongest_first(gate_parts[gate]),
                answered=len(gate_parts[gate]),
                total=gate_totals[gate],
            )
            for gate in definition.gates
        },
        answered=answered,
        missing_required=tuple(missing),
    )


def _questions(definition: Definition):
    """Every question with its section, in questionnaire order."""
    for section in definition.sections:
        for question in section.questions:
            yield section, question


class _DimensionParts:
    """The answers bearing on each dimension, in parts: one per section with a
    ``dimension_share``, one for the other sections (see the module's rules)."""

    def __init__(self, definition: Definition):
        declared = sum(s.dimension_share or 0.0 for s in definition.sections)
        self.rest_share = 1.0 - declared
        #: {dimension: {part: [(question id, shown, achieved, best)]}}
        self.parts: dict[Dimension, dict[str | None, list]] = defaultdict(
            lambda: defaultdict(list)
        )
        self.shares: dict[str | None, float] = {None: self.rest_share}

    def add(self, dimension, section, question_id, shown, got, best) -> None:
        part = section.id if section.dimension_share is not None else None
        if part is not None:
            self.shares[part] = section.dimension_share
        self.parts[dimension][part].append((question_id, shown, got, best))

    def score(self, dimension: Dimension) -> Score:
        parts = {
            part: answers
            for part, answers in self.parts[dimension].items()
            if sum(best for *_, best in answers) > 0
        }
        total = sum(self.shares[part] for part in parts)
        if total <= 0:
            return Score(None, ())
        weighted = []
        for part, answers in parts.items():
            scale = 100 * self.shares[part] / total / sum(b for *_, b in answers)
            weighted += [
                WeightedAnswer(qid, shown, got * scale, best * scale)
                for qid, shown, got, best in answers
            ]
        value = round(sum(answer.points for answer in weighted), 1)
        return Score(value, tuple(sorted(weighted, key=lambda a: -a.weight)))


def section_scores(
    definition: Definition, answers: Mapping[str, AnswerValue]
) -> dict[str, float | None]:
    """Each section's score (0–100, or None) by section id, in questionnaire order."""
    scores = {}
    for section in definition.sections:
        points = [
            point
            for question in section.questions
            if is_answered(question, answers.get(question.id))
            and (point := question_points(question, answers[question.id])) is not None
        ]
        scores[section.id] = _percent(sum(points), len(points))
    return scores


def question_points(question: Question, value: AnswerValue) -> float | None:
    """0..1: how far an answer reaches the question's best answer; None when the
    question does not count toward a section score."""
    if question.kind == Kind.SCALE:
        return _scale_fraction(question, value)
    if question.kind not in (Kind.SINGLE, Kind.YES_NO):
        return None
    chosen = question.option(value) if isinstance(value, str) else None
    if chosen is None:
        return None
    if any(option.score is not None for option in question.options):
        return chosen.score or 0.0
    best = max(sum(option.dimensions.values()) for option in question.options)
    return sum(chosen.dimensions.values()) / best if best > 0 else None


def is_required(question: Question, answers: Mapping[str, AnswerValue]) -> bool:
    """Whether the question needs an answer: always, or (``required_when``)
    when the question it is part of has one of the answers named."""
    if question.required_when:
        chosen = answers.get(question.part_of or "")
        chosen = chosen if isinstance(chosen, list | tuple) else [chosen]
        return any(option in question.required_when for option in chosen)
    return question.required


def is_answered(question: Question, value: object) -> bool:
    """Whether a stored value is a usable answer to the question."""
    if value is None or value == "" or value == []:
        return False
    if question.kind in (Kind.SINGLE, Kind.YES_NO):
        return isinstance(value, str) and question.option(value) is not None
    if question.kind == Kind.MULTIPLE:
        return isinstance(value, list) and all(question.option(v) for v in value)
    if question.kind == Kind.SCALE:
        return isinstance(value, int) and SCALE_MIN <= value <= SCALE_MAX
    if question.kind == Kind.NUMBER:
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, str) and bool(value.strip())


def _chosen(question: Question, value: AnswerValue) -> list[Option]:
    ids = value if isinstance(value, list) else [value]
    return [option for option_id in ids if (option := question.option(option_id))]


def _scale_fraction(question: Question, value: int) -> float:
    fraction = (value - SCALE_MIN) / (SCALE_MAX - SCALE_MIN)
    return 1 - fraction if question.reverse else fraction


def _dimension_points(
    question: Question, value
) -> dict[Dimension, tuple[float, float]]:
    """Per dimension: (achieved, best achievable) for this answer."""
    if question.kind == Kind.SCALE:
        fraction = _scale_fraction(question, value)
        return {d: (w * fraction, w) for d, w in question.dimensions.items()}
    if question.kind not in (Kind.SINGLE, Kind.MULTIPLE, Kind.YES_NO):
        return {}
    chosen = _chosen(question, value)
    points = {}
    for dimension in {d for option in question.options for d in option.dimensions}:
        best = max(option.dimensions.get(dimension, 0.0) for option in question.options)
        got = sum(o.dimensions.get(dimension, 0.0) for o in chosen) / len(chosen)
        points[dimension] = (got, best)
    return points


def _category_points(question: Question, value) -> dict[Category, float]:
    if question.kind not in (Kind.SINGLE, Kind.MULTIPLE):
        return {}
    chosen = _chosen(question, value)
    points: dict[Category, float] = defaultdict(float)
    for option in chosen:
        for category, value_points in option.categories.items():
            points[category] += value_points / len(chosen)
    return {category: p for category, p in points.items() if p > 0}


def _gate_support(question: Question, value) -> float:
    """0..1: how far this answer supports the question's gate."""
    if question.kind == Kind.SCALE:
        return _scale_fraction(question, value)
    chosen = _chosen(question, value)
    return sum(option.score or 0.0 for option in chosen) / len(chosen)


def _shown(value: AnswerValue) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list) else (str(value),)


def _percent(achieved: float, possible: float) -> float | None:
    return round(100 * achieved / possible, 1) if possible > 0 else None


def _average_percent(parts: list[Contribution]) -> float | None:
    if not parts:
        return None
    return round(100 * sum(part.points for part in parts) / len(parts), 1)


def _strongest_first(parts: list[Contribution]) -> tuple[Contribution, ...]:
    return tuple(sorted(parts, key=lambda part: -part.points))
