"""The form of one questionnaire section, built from its definition."""

from __future__ import annotations

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from wtforms import Field, RadioField, SubmitField, TextAreaField
from wtforms.validators import Length, Optional

from app.forms import (
    CheckboxesField,
    Form,
    LocalNumberField,
    RevisionsField,
    select_choices,
)
from assessments.questionnaire import SCALE_MAX, SCALE_MIN, Kind, Question, Section
from assessments.scoring import AnswerValue


class SectionForm(Form):
    """One questionnaire section; fields are added per question at runtime."""

    #: answer revisions when the form was opened: {question_id: revision}
    seen = RevisionsField()
    save = SubmitField(_l("Save section"))
    save_and_next = SubmitField(_l("Save and continue"))
    save_and_complete = SubmitField(_l("Save and mark complete"))

    def answers(self, section: Section) -> dict[str, AnswerValue | None]:
        """The submitted answers, one per question, None where left empty."""
        return {q.id: _value(q, self[q.id].data) for q in section.questions}


def section_form(section: Section, data: dict | None = None) -> SectionForm:
    """A form for the section, labelled in the user's language."""
    language = str(get_locale())

    class Form(SectionForm):
        pass

    for question in section.questions:
        setattr(Form, question.id, _field(question, language))
    # FlaskForm reads the request only when formdata is not passed at all.
    return Form(data=data) if data is not None else Form()


def _field(question: Question, language: str) -> Field:
    label = question.text.in_language(language)
    description = question.help.in_language(language) if question.help else ""
    common = {"label": label, "description": description, "validators": [Optional()]}
    if question.kind in (Kind.SINGLE, Kind.YES_NO):
        return RadioField(choices=_options(question, language), **common)
    if question.kind == Kind.MULTIPLE:
        return CheckboxesField(choices=_options(question, language), **common)
    if question.kind == Kind.SCALE:
        scale = [(str(v), str(v)) for v in range(SCALE_MIN, SCALE_MAX + 1)]
        return RadioField(choices=select_choices(scale), **common)
    if question.kind == Kind.NUMBER:
        return LocalNumberField(
            minimum=question.minimum,
            maximum=question.maximum,
            whole=question.whole,
            **common,
        )
    return TextAreaField(
        label=label, description=description, validators=[Optional(), Length(max=4000)]
    )


def _options(question: Question, language: str):
    return select_choices(
        (o.id, o.text.in_language(language)) for o in question.options
    )


def _value(question: Question, raw) -> AnswerValue | None:
    """A form value as the core stores it."""
    if raw in (None, "", []):
        return None
    if question.kind == Kind.SCALE:
        return int(raw)
    if question.kind == Kind.NUMBER:
        number = float(raw)
        return int(number) if number.is_integer() else number
    if question.kind == Kind.TEXT:
        return raw.strip() or None
    return raw


def form_data(section: Section, values: dict[str, AnswerValue]) -> dict:
    """Stored answers as the form's initial data."""
    data = {}
    for question in section.questions:
        value = values.get(question.id)
        data[question.id] = (
            str(value) if question.kind == Kind.SCALE and value else value
        )
    return data
