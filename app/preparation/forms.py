"""Forms of the preparation phase: gates, organisation, change log."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
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
    Form,
    enum_choices,
    not_after_today,
    optional_id_choices,
    stripped,
)
from app.models import AwarenessKind, ResistanceStatus, SponsorDecision
from app.preparation.organisation import (
    AwarenessDetails,
    PersonDetails,
    ResistanceDetails,
)
from assessments.organisation import Department


class OverrideForm(Form):
    reason = TextAreaField(
        _l("Why the project should go ahead despite this gate"),
        filters=[stripped],
        validators=[DataRequired(), Length(min=20, max=2000)],
        description=_l("At least 20 characters. The sponsor sees this reason."),
    )
    submit = SubmitField(_l("Override the gate"))


class DecisionForm(Form):
    decision = RadioField(
        _l("Your decision"),
        choices=lambda: enum_choices(SponsorDecision),
        validators=[DataRequired(_l("Choose one of the decisions."))],
    )
    comment = TextAreaField(
        _l("Comment"), filters=[stripped], validators=[Optional(), Length(max=2000)]
    )
    submit = SubmitField(_l("Record decision"))


class PersonForm(Form):
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

    def values(self) -> PersonDetails:
        """The validated fields as the service takes them."""
        return PersonDetails(
            name=self.name.data,
            department=Department(self.department.data),
            title=self.title.data or "",
            email=self.email.data or "",
            is_sponsor=self.is_sponsor.data,
            is_project_manager=self.is_project_manager.data,
            is_consultant=self.is_consultant.data,
            in_project_team=self.in_project_team.data,
            in_working_group=self.in_working_group.data,
            is_top_decision_maker=self.is_top_decision_maker.data,
            is_front_line=self.is_front_line.data,
            is_external=self.is_external.data,
            crm_knowledge=self.crm_knowledge.data,
            crm_project_experience=self.crm_project_experience.data,
            trusted=self.trusted.data,
            communicates_well=self.communicates_well.data,
            knows_market=self.knows_market.data,
        )


class AwarenessForm(Form):
    held_on = DateField(_l("Date"), validators=[DataRequired(), not_after_today])
    kind = SelectField(_l("Kind"), choices=lambda: enum_choices(AwarenessKind))
    topic = StringField(
        _l("Topic"), filters=[stripped], validators=[DataRequired(), Length(max=200)]
    )
    attendees = TextAreaField(
        _l("Attendees"), filters=[stripped], validators=[Optional(), Length(max=2000)]
    )
    submit = SubmitField(_l("Add activity"))

    def values(self) -> AwarenessDetails:
        """The validated fields as the service takes them."""
        return AwarenessDetails(
            held_on=self.held_on.data,
            kind=AwarenessKind(self.kind.data),
            topic=self.topic.data,
            attendees=self.attendees.data or "",
        )


class ResistanceForm(Form):
    raised_on = DateField(_l("Date"), validators=[DataRequired(), not_after_today])
    raised_by_id = SelectField(
        _l("Who"),
        coerce=int,
        validators=[Optional()],
        description=_l("A person of the organisation, or type a name below."),
    )
    raised_by = StringField(
        _l("Name, if outside the organisation"),
        filters=[stripped],
        validators=[Optional(), Length(max=120)],
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

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.raised_by_id.choices = optional_id_choices(people)

    def validate(self, extra_validators=None) -> bool:
        """Exactly one of the two says who: a person chosen or a name typed
        (checked here, since each field alone may be empty)."""
        valid = super().validate(extra_validators)
        chosen, typed = self.raised_by_id.data, self.raised_by.data
        if not chosen and not typed:
            self.raised_by.errors.append(
                _l("Choose who raised it, or type their name.")
            )
        elif chosen and typed:
            self.raised_by.errors.append(
                _l("Leave the name empty when you choose a person of the organisation.")
            )
        return valid and not self.raised_by.errors

    def values(self) -> ResistanceDetails:
        """The validated fields as the service takes them."""
        return ResistanceDetails(
            raised_on=self.raised_on.data,
            raised_by=self.raised_by.data or "",
            raised_by_id=self.raised_by_id.data or None,
            concern=self.concern.data,
            status=ResistanceStatus(self.status.data),
            resolution=self.resolution.data or "",
        )


class TeamAnnouncedForm(Form):
    team_announced_on = DateField(
        _l("Team appointment announced on"),
        validators=[Optional(), not_after_today],
        description=_l("Announce the team only after the awareness activities."),
    )
    submit = SubmitField(_l("Save date"))


class AnnouncementForm(Form):
    announced_on = DateField(
        _l("Date of the announcement"), validators=[DataRequired(), not_after_today]
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
