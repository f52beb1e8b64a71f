"""Forms of the preparation phase, including questionnaire sections built from
their definitions."""

from __future__ import annotations

import json

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    Field,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional

from app.forms import (
    CheckboxesField,
    LocalNumberField,
    enum_choices,
    select_choices,
    stripped,
)
from app.models import AwarenessKind, ResistanceStatus, SponsorDecision
from assessments.organisation import Department
from assessments.questionnaire import SCALE_MAX, SCALE_MIN, Kind, Question, Section
from assessments.scoring import AnswerValue


class SectionForm(FlaskForm):
    """One questionnaire section; fields are added per question at runtime."""

    #: answer revisions when the form was opened, as JSON {question_id: revision}
    seen = HiddenField()
    save = SubmitField(_l("Save section"))
    save_and_next = SubmitField(_l("Save and continue"))
    save_and_complete = SubmitField(_l("Save and mark complete"))

    def answers(self, section: Section) -> dict[str, AnswerValue | None]:
        """The submitted answers, one per question, None where left empty."""
        return {q.id: _value(q, self[q.id].data) for q in section.questions}

    def seen_revisions(self) -> dict[str, int]:
        try:
            raw = json.loads(self.seen.data or "{}")
        except ValueError:
            return {}
        return {str(k): int(v) for k, v in raw.items() if isinstance(v, int)}


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
        bounds = NumberRange(min=question.minimum, max=question.maximum)
        return LocalNumberField(
            label=label, description=description, validators=[Optional(), bounds]
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


class OverrideForm(FlaskForm):
    reason = TextAreaField(
        _l("Why the project should go ahead despite this gate"),
        filters=[stripped],
        validators=[DataRequired(), Length(min=20, max=2000)],
        description=_l("At least 20 characters. The sponsor sees this reason."),
    )
    submit = SubmitField(_l("Override the gate"))


class DecisionForm(FlaskForm):
    decision = RadioField(
        _l("Your decision"),
        choices=lambda: enum_choices(SponsorDecision),
        validators=[DataRequired(_l("Choose approve or send back."))],
    )
    comment = TextAreaField(
        _l("Comment"), filters=[stripped], validators=[Optional(), Length(max=2000)]
    )
    submit = SubmitField(_l("Record decision"))


class PersonForm(FlaskForm):
    name = StringField(
        _l("Name"), filters=[stripped], validators=[DataRequired(), Length(max=120)]
    )
    title = StringField(
        _l("Job title"), filters=[stripped], validators=[Optional(), Length(max=120)]
    )
    department = SelectField(_l("Department"), choices=lambda: enum_choices(Department))
    email = EmailField(
        _l("E-mail"),
        filters=[stripped],
        validators=[Optional(), Email(), Length(max=254)],
    )
    is_sponsor = BooleanField(_l("Sponsor"))
    is_project_manager = BooleanField(_l("Project manager"))
    is_consultant = BooleanField(_l("Consultant"))
    in_project_team = BooleanField(_l("Project team"))
    in_working_group = BooleanField(_l("Planning working group"))
    is_top_decision_maker = BooleanField(
        _l("Top decision maker (owner, general manager)")
    )
    is_front_line = BooleanField(_l("Front-line staff (does the operational work)"))
    is_external = BooleanField(_l("From outside the company"))
    crm_knowledge = BooleanField(_l("Knows CRM concepts"))
    crm_project_experience = BooleanField(_l("Has CRM project experience"))
    trusted = BooleanField(_l("Trusted inside the company"))
    communicates_well = BooleanField(_l("Communicates well"))
    knows_market = BooleanField(_l("Knows the company and its market"))
    submit = SubmitField(_l("Save person"))

    def values(self) -> dict:
        """The person's fields as the model stores them."""
        return {
            name: field.data
            for name, field in self._fields.items()
            if name not in ("submit", "csrf_token")
        }


class AwarenessForm(FlaskForm):
    held_on = DateField(_l("Date"), validators=[DataRequired()])
    kind = SelectField(_l("Kind"), choices=lambda: enum_choices(AwarenessKind))
    topic = StringField(
        _l("Topic"), filters=[stripped], validators=[DataRequired(), Length(max=200)]
    )
    attendees = TextAreaField(
        _l("Attendees"), filters=[stripped], validators=[Optional(), Length(max=2000)]
    )
    submit = SubmitField(_l("Add activity"))


class ResistanceForm(FlaskForm):
    raised_on = DateField(_l("Date"), validators=[DataRequired()])
    raised_by = StringField(
        _l("Who"), filters=[stripped], validators=[DataRequired(), Length(max=120)]
    )
    concern = TextAreaField(
        _l("Concern"), filters=[stripped], validators=[DataRequired(), Length(max=2000)]
    )
    status = SelectField(_l("Status"), choices=lambda: enum_choices(ResistanceStatus))
    resolution = TextAreaField(
        _l("How it is handled"),
        filters=[stripped],
        validators=[Optional(), Length(max=2000)],
    )
    submit = SubmitField(_l("Save"))


class TeamAnnouncedForm(FlaskForm):
    team_announced_on = DateField(
        _l("Team appointment announced on"),
        validators=[Optional()],
        description=_l("Announce the team only after the awareness activities."),
    )
    submit = SubmitField(_l("Save date"))


class AnnouncementForm(FlaskForm):
    announced_on = DateField(
        _l("Date of the announcement"), validators=[DataRequired()]
    )
    announced_by = SelectField(
        _l("Announced by"), coerce=int, validators=[DataRequired()]
    )
    note = TextAreaField(
        _l("What was said"),
        filters=[stripped],
        validators=[Optional(), Length(max=4000)],
    )
    submit = SubmitField(_l("Record the announcement"))
