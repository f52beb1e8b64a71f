"""Forms of the preparation phase: gates, organisation, change log."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, Length, Optional

from app.forms import (
    enum_choices,
    stripped,
)
from app.models import AwarenessKind, ResistanceStatus, SponsorDecision
from assessments.organisation import Department


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
