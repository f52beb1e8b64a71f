"""Questionnaires as data: the file format, its loader and its validator.

A questionnaire is a YAML file in ``assessments/definitions/``. The loader turns
it into frozen dataclasses and refuses a file with any fault, naming the file,
the question and the fault, so that a consultant who copies a file to make a
variant learns at start-up what is wrong with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import yaml

from assessments.evidence import Claim, Evidence, Figure, Line

LANGUAGES = ("en", "tr")
DEFINITIONS = Path(__file__).resolve().parent / "definitions"
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class QuestionnaireId(StrEnum):
    """The questionnaires the product ships, by the ``id`` of their definition.

    A take stores its questionnaire's id; the pages and services name a
    questionnaire only through this enum.
    """

    PREPARATION = "preparation"
    PLANNING = "planning"
    IDIC = "idic"
    GAP_ANALYSIS = "gap_analysis"
    SUCCESS_FACTORS = "success_factors"


class Kind(StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    SCALE = "scale"
    YES_NO = "yes_no"
    NUMBER = "number"
    TEXT = "text"


class Dimension(StrEnum):
    """The six axes of the maturity profile."""

    STRATEGY = "strategy"
    PEOPLE_CULTURE = "people_culture"
    PROCESS = "process"
    TECHNOLOGY = "technology"
    CUSTOMER_KNOWLEDGE = "customer_knowledge"
    MEASUREMENT = "measurement"


class Category(StrEnum):
    """The four readiness categories, by the company's motivation for CRM."""

    TREND_FOLLOWER = "trend_follower"
    HOPELESS = "hopeless"
    SAVER = "saver"
    STRATEGIC_THINKER = "strategic_thinker"


class Gate(StrEnum):
    """The go/no-go questions of preparation."""

    NEED = "need"
    BACKING = "backing"
    CULTURE = "culture"


CHOICE_KINDS = frozenset({Kind.SINGLE, Kind.MULTIPLE, Kind.YES_NO})
SCALE_MIN, SCALE_MAX = 1, 5
_YES_NO_TEXTS = {"yes": {"en": "Yes", "tr": "Evet"}, "no": {"en": "No", "tr": "Hayır"}}


@dataclass(frozen=True)
class Text:
    """A text in every language of the product."""

    en: str
    tr: str

    def in_language(self, language: str) -> str:
        return self.tr if language == "tr" else self.en


@dataclass(frozen=True)
class Option:
    id: str
    text: Text
    #: 0..1, how far this answer supports the question's gate
    score: float | None = None
    dimensions: Mapping[Dimension, float] = field(default_factory=dict)
    categories: Mapping[Category, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Question:
    id: str
    kind: Kind
    text: Text
    help: Text | None = None
    required: bool = True
    gate: Gate | None = None
    options: tuple[Option, ...] = ()
    #: scale questions: weight per dimension, times the answer's fraction
    dimensions: Mapping[Dimension, float] = field(default_factory=dict)
    #: scale questions: True when 5 is the bad end
    reverse: bool = False
    minimum: float | None = None
    maximum: float | None = None
    #: number questions: a count, so a whole number (no fractions, no signs)
    whole: bool = False
    #: the earlier question this one completes (a factor's evidence): it has
    #: no number of its own and is not counted as a question
    part_of: str | None = None
    #: the answers of ``part_of`` that make this question required
    required_when: tuple[str, ...] = ()
    #: the check of the customer data that tests the claim an answer makes
    evidence: Evidence | None = None

    def option(self, option_id: str) -> Option | None:
        return next((option for option in self.options if option.id == option_id), None)


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    questions: tuple[Question, ...]
    intro: Text | None = None
    #: 0..1: the part of every dimension its answers touch that this section's
    #: answers carry (the other sections share the rest); None: no set part
    dimension_share: float | None = None


@dataclass(frozen=True)
class Definition:
    id: str
    version: int
    title: Text
    sections: tuple[Section, ...]
    description: Text | None = None
    #: pass threshold (0..100) of each gate the questionnaire decides
    gates: Mapping[Gate, float] = field(default_factory=dict)

    def questions(self) -> Iterator[Question]:
        for section in self.sections:
            yield from section.questions

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions() if q.id == question_id), None)

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def numbers(self) -> dict[str, int]:
        """Each question's number, running through the sections from 1; a
        question that is part of another has none."""
        standing = (q for q in self.questions() if q.part_of is None)
        return {q.id: number for number, q in enumerate(standing, start=1)}

    def place_of(self, question_id: str) -> tuple[Section, int] | None:
        """The section a question stands in and its number there (from 1),
        for a page that shows one question at a time."""
        for section in self.sections:
            for number, question in enumerate(section.questions, start=1):
                if question.id == question_id:
                    return section, number
        return None


class InvalidDefinition(ValueError):
    """A questionnaire file with faults; ``faults`` lists every one of them."""

    def __init__(self, faults: list[str]):
        super().__init__("\n".join(faults))
        self.faults = faults


def load(path: Path) -> Definition:
    """Read and validate one questionnaire file."""
    try:
        # libyaml's safe loader (in PyYAML's wheels): ten times the pure
        # Python one, and the app loads every questionnaire on start-up.
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise InvalidDefinition([f"{path.name}: cannot be read: {error}"]) from error
    return parse(data, path.name)


def load_all(folder: Path = DEFINITIONS) -> dict[str, Definition]:
    """Every questionnaire in the folder by id; all faults of all files at once."""
    definitions, faults = {}, []
    for path in sorted(folder.glob("*.yaml")):
        try:
            definition = load(path)
        except InvalidDefinition as error:
            faults.extend(error.faults)
            continue
        if definition.id in definitions:
            faults.append(f"{path.name}: id {definition.id!r} is used by another file")
        definitions[definition.id] = definition
    if faults:
        raise InvalidDefinition(faults)
    return definitions


def parse(data: object, source: str) -> Definition:
    """Build a definition from parsed YAML, or raise with every fault found."""
    faults: list[str] = []
    definition = _Parser(source, faults).definition(data)
    if faults or definition is None:
        raise InvalidDefinition(faults or [f"{source}: is empty"])
    return definition


class _Parser:
    """Walks the raw data once, collecting faults instead of stopping at the first."""

    def __init__(self, source: str, faults: list[str]):
        self.source = source
        self.faults = faults
        self.seen_ids: set[str] = set()
        #: the questions parsed so far, by id: what ``part_of`` may name
        self.questions: dict[str, Question] = {}

    def fault(self, where: str, message: str) -> None:
        self.faults.append(f"{self.source}: {where}: {message}")

    def definition(self, data: object) -> Definition | None:
        if not isinstance(data, dict):
            self.fault("file", "must be a mapping with id, title and sections")
            return None
        self.keys(
            data, "file", {"id", "version", "title", "description", "gates", "sections"}
        )
        sections = data.get("sections")
        if not isinstance(sections, list) or not sections:
            self.fault("file", "needs a non-empty list of sections")
            sections = []
        gates = self.gates(data.get("gates") or {})
        parsed = tuple(
            section
            for raw in sections
            if (section := self.section(raw, gates)) is not None
        )
        if sum(s.dimension_share or 0 for s in parsed) > 1:
            self.fault("sections", "the dimension_share values add up to more than 1")
        return Definition(
            id=self.identifier(data.get("id"), "file"),
            version=self.version(data.get("version", 1)),
            title=self.text(data.get("title"), "file title"),
            description=self.optional_text(data.get("description"), "file description"),
            sections=parsed,
            gates=gates,
        )

    def gates(self, raw: object) -> dict[Gate, float]:
        if not isinstance(raw, dict):
            self.fault("gates", "must map gate ids to pass thresholds")
            return {}
        gates = {}
        for key, threshold in raw.items():
            gate = self.member(Gate, key, "gates", "gate")
            if gate and self.number_in(threshold, 0, 100, f"gate {key!r}", "threshold"):
                gates[gate] = float(threshold)
        return gates

    def section(self, raw: object, gates: Mapping[Gate, float]) -> Section | None:
        if not isinstance(raw, dict):
            self.fault("sections", "every section must be a mapping")
            return None
        where = f"section {raw.get('id')!r}"
        self.keys(raw, where, {"id", "title", "intro", "questions", "dimension_share"})
        share = raw.get("dimension_share")
        if share is not None and not self.number_in(
            share, 0, 1, where, "dimension_share"
        ):
            share = None
        questions = raw.get("questions")
        if not isinstance(questions, list) or not questions:
            self.fault(where, "needs a non-empty list of questions")
            questions = []
        return Section(
            id=self.identifier(raw.get("id"), where),
            title=self.text(raw.get("title"), f"{where} title"),
            intro=self.optional_text(raw.get("intro"), f"{where} intro"),
            questions=tuple(
                self.questions.setdefault(question.id, question)
                for item in questions
                if (question := self.question(item, gates)) is not None
            ),
            dimension_share=None if share is None else float(share),
        )

    def question(self, raw: object, gates: Mapping[Gate, float]) -> Question | None:
        if not isinstance(raw, dict):
            self.fault("questions", "every question must be a mapping")
            return None
        where = f"question {raw.get('id')!r}"
        self.keys(
            raw,
            where,
            {
                "id",
                "kind",
                "text",
                "help",
                "required",
                "gate",
                "options",
                "dimensions",
                "reverse",
                "min",
                "max",
                "whole",
                "part_of",
                "required_when",
                "evidence",
            },
        )
        kind = self.member(Kind, raw.get("kind"), where, "kind")
        gate = None
        if raw.get("gate") is not None:
            gate = self.member(Gate, raw["gate"], where, "gate")
            if gate and gate not in gates:
                self.fault(where, f"gate {gate.value!r} has no threshold under 'gates'")
        if kind in (Kind.NUMBER, Kind.TEXT):
            for key in ("gate", "dimensions", "options", "reverse"):
                if key in raw:
                    self.fault(where, f"a {kind.value} question cannot have {key!r}")
        if kind != Kind.NUMBER and "whole" in raw:
            self.fault(where, "only a number question can be 'whole'")
        if kind == Kind.SCALE and "options" in raw:
            self.fault(where, "a scale question has no options")
        if kind in CHOICE_KINDS and "dimensions" in raw:
            self.fault(where, "put dimension weights on the options, not the question")
        return Question(
            id=self.identifier(raw.get("id"), where, unique=True),
            kind=kind or Kind.TEXT,
            text=self.text(raw.get("text"), where),
            help=self.optional_text(raw.get("help"), f"{where} help"),
            required=bool(raw.get("required", True)),
            gate=gate,
            options=self.options(raw, kind, gate is not None, where),
            dimensions=self.weights(raw.get("dimensions"), Dimension, where, 1),
            reverse=bool(raw.get("reverse", False)),
            minimum=raw.get("min"),
            maximum=raw.get("max"),
            whole=bool(raw.get("whole", False)),
            evidence=self.evidence(raw.get("evidence"), raw, f"{where} evidence"),
            **self.part(raw, where),
        )

    def evidence(self, raw: object, question: dict, where: str) -> Evidence | None:
        """The question's check against the customer data: a figure, the
        answers that claim something, and the line the data must not cross."""
        if raw is None:
            return None
        if not isinstance(raw, dict):
            self.fault(where, "must be a mapping with figure, claim, contradicted, why")
            return None
        self.keys(raw, where, {"figure", "claim", "contradicted", "why"})
        figure = self.member(Figure, raw.get("figure"), where, "figure")
        claim = self.claim(raw.get("claim"), question, where)
        line = self.line(raw.get("contradicted"), where)
        why = self.text(raw.get("why"), f"{where} why")
        if figure is None or claim is None or line is None:
            return None
        return Evidence(figure=figure, claim=claim, line=line, why=why)

    def claim(self, raw: object, question: dict, where: str) -> Claim | None:
        if (
            not isinstance(raw, dict)
            or not raw
            or set(raw) - {"at_least", "at_most", "one_of"}
        ):
            self.fault(where, "claim takes at_least / at_most, or one_of")
            return None
        if "one_of" in raw:
            known = {
                o.get("id")
                for o in question.get("options") or []
                if isinstance(o, dict)
            }
            chosen = raw["one_of"]
            if not isinstance(chosen, list) or not chosen or not set(chosen) <= known:
                self.fault(where, "claim one_of must list options of the question")
                return None
            return Claim(one_of=frozenset(chosen))
        bounds = {key: raw.get(key) for key in ("at_least", "at_most")}
        for key, value in bounds.items():
            if value is not None and not self.number_in(value, -1e12, 1e12, where, key):
                return None
        return Claim(**bounds)

    def line(self, raw: object, where: str) -> Line | None:
        if not isinstance(raw, dict) or len(raw) != 1 or set(raw) - {"below", "above"}:
            self.fault(where, "contradicted takes one of below or above")
            return None
        ((key, value),) = raw.items()
        if not self.number_in(value, -1e12, 1e12, where, key):
            return None
        return Line(**{key: float(value)})

    def part(self, raw: dict, where: str) -> dict:
        """``part_of`` (an earlier question) and ``required_when`` (its options)."""
        owner_id, when = raw.get("part_of"), raw.get("required_when") or []
        if owner_id is None:
            if when:
                self.fault(where, "'required_when' needs 'part_of'")
            return {}
        owner = self.questions.get(owner_id)
        if owner is None:
            self.fault(where, f"'part_of' names no earlier question: {owner_id!r}")
            return {}
        known = {option.id for option in owner.options}
        if not isinstance(when, list) or not set(when) <= known:
            self.fault(where, f"'required_when' must list options of {owner_id!r}")
            when = []
        return {"part_of": owner_id, "required_when": tuple(when)}

    def options(self, raw: dict, kind: Kind | None, gated: bool, where: str) -> tuple:
        if kind not in CHOICE_KINDS:
            return ()
        items = raw.get("options")
        if not isinstance(items, list) or len(items) < 2:
            self.fault(where, "needs at least two options")
            return ()
        options, ids = [], set()
        for item in items:
            option = self.option(item, kind, gated, where)
            if option is None:
                continue
            if option.id in ids:
                self.fault(where, f"option {option.id!r} appears twice")
            ids.add(option.id)
            options.append(option)
        if kind == Kind.YES_NO and ids != {"yes", "no"}:
            self.fault(where, "a yes/no question has the options 'yes' and 'no'")
        return tuple(options)

    def option(self, raw: object, kind: Kind, gated: bool, where: str) -> Option | None:
        if not isinstance(raw, dict):
            self.fault(where, "every option must be a mapping")
            return None
        option_id = self.identifier(raw.get("id"), f"{where} option")
        at = f"{where} option {option_id!r}"
        self.keys(raw, at, {"id", "text", "score", "dimensions", "categories"})
        text = raw.get("text")
        if text is None and kind == Kind.YES_NO and option_id in _YES_NO_TEXTS:
            text = _YES_NO_TEXTS[option_id]
        score = raw.get("score")
        if gated and score is None:
            self.fault(at, "needs a score (0..1): the question counts toward a gate")
        elif not gated and score is not None:
            self.fault(at, "has a score but the question counts toward no gate")
        elif score is not None and not self.number_in(score, 0, 1, at, "score"):
            score = None
        if "categories" in raw and kind == Kind.YES_NO:
            self.fault(at, "category points belong on single or multiple choices")
        return Option(
            id=option_id,
            text=self.text(text, at),
            score=None if score is None else float(score),
            dimensions=self.weights(raw.get("dimensions"), Dimension, at, 1),
            categories={
                category: int(points)
                for category, points in self.weights(
                    raw.get("categories"), Category, at, 3
                ).items()
            },
        )

    def weights(self, raw: object, enum: type, where: str, maximum: float) -> dict:
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            self.fault(where, f"{enum.__name__.lower()} weights must be a mapping")
            return {}
        weights = {}
        for key, value in raw.items():
            member = self.member(enum, key, where, enum.__name__.lower())
            if member and self.number_in(
                value, 0, maximum, where, f"weight of {key!r}"
            ):
                weights[member] = float(value)
        return weights

    def text(self, raw: object, where: str) -> Text:
        if not isinstance(raw, dict):
            self.fault(where, "needs a text with 'en' and 'tr'")
            return Text("", "")
        for language in LANGUAGES:
            value = raw.get(language)
            if not isinstance(value, str) or not value.strip():
                self.fault(where, f"missing the {language!r} text")
        return Text(en=str(raw.get("en") or ""), tr=str(raw.get("tr") or ""))

    def optional_text(self, raw: object, where: str) -> Text | None:
        return None if raw is None else self.text(raw, where)

    def identifier(self, raw: object, where: str, unique: bool = False) -> str:
        if not isinstance(raw, str) or not _ID.match(raw):
            self.fault(where, f"id {raw!r} must be lowercase letters, digits and _")
            return str(raw)
        if unique:
            if raw in self.seen_ids:
                self.fault(where, "duplicate id")
            self.seen_ids.add(raw)
        return raw

    def version(self, raw: object) -> int:
        if not isinstance(raw, int) or raw < 1:
            self.fault("file", "version must be a whole number from 1")
            return 1
        return raw

    def member(self, enum: type, raw: object, where: str, what: str):
        try:
            return enum(raw)
        except ValueError:
            known = ", ".join(member.value for member in enum)
            self.fault(where, f"unknown {what} {raw!r} (known: {known})")
            return None

    def number_in(
        self, raw: object, low: float, high: float, where: str, what: str
    ) -> bool:
        if (
            isinstance(raw, bool)
            or not isinstance(raw, int | float)
            or not low <= raw <= high
        ):
            self.fault(where, f"{what} must be a number from {low} to {high}")
            return False
        return True

    def keys(self, raw: dict, where: str, allowed: set[str]) -> None:
        for key in sorted(set(raw) - allowed):
            self.fault(where, f"unknown key {key!r}")
