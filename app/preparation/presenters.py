"""Turning assessment results into what templates show: answer texts, chart rows."""

from __future__ import annotations

from flask_babel import format_decimal, get_locale
from flask_babel import gettext as _

from app.i18n.labels import label
from app.preparation import bp
from app.preparation.organisation import ROLE_FLAGS
from assessments.questionnaire import CHOICE_KINDS, SCALE_MAX, Dimension, Kind, Question
from assessments.readiness import Readiness
from assessments.scoring import ScoreResult

#: A chart row: (label, value or None, highlighted)
ChartRow = tuple[str, float | None, bool]


@bp.app_template_global()
def answer_text(question: Question, value) -> str:
    """An answer as a person reads it: option texts, "4 / 5", a number, a text."""
    if value is None or value in ("", [], ()):
        return "—"
    language = str(get_locale())
    if question.kind in CHOICE_KINDS:
        ids = value if isinstance(value, list | tuple) else [value]
        texts = [o.text.in_language(language) for i in ids if (o := question.option(i))]
        return ", ".join(texts) or "—"
    shown = value[0] if isinstance(value, tuple) else value
    if question.kind == Kind.SCALE:
        return f"{shown} / {SCALE_MAX}"
    if question.kind == Kind.NUMBER:
        return format_decimal(float(shown))
    return str(shown)


@bp.app_template_global()
def category_rows(readiness: Readiness) -> list[ChartRow]:
    """The four categories' points, the reported one highlighted."""
    return [
        (label(category), points, category == readiness.category)
        for category, points in readiness.points
    ]


@bp.app_template_global()
def dimension_rows(result: ScoreResult) -> list[ChartRow]:
    """The maturity profile, in the order of the dimensions."""
    return [(label(d), result.dimensions[d].value, False) for d in Dimension]


@bp.app_template_filter()
def recorded_name(person) -> str:
    """A person's name as a record shows it: marked once they have left."""
    if person.left_on is None:
        return person.name
    return _("%(name)s (left the organisation)", name=person.name)


@bp.app_template_global()
def person_roles(person) -> list[str]:
    """The project roles of a person of the organisation, as labels."""
    return [label(role) for flag, role in ROLE_FLAGS.items() if getattr(person, flag)]
