"""Forms of the implementation phase (the measure's are in
``app.measures.forms``). Choices that list the engagement's own rows (goals,
members, packages) are set by the view."""

from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from app.forms import (
    Form,
    LocalNumberField,
    RevisionField,
    RevisionsField,
    enum_choices,
    not_after_today,
    optional_enum_choices,
    stripped,
)
from app.implementation.plan import ActionDetails, ReviewDetails, WorkPackageDetails
from app.measures.services import ObjectiveDetails
from app.models import ActionStatus
from assessments.planning import CrmStrategy, Perspective
from assessments.transition import WorkStatus


def _title(label):
    return StringField(
        label, filters=[stripped], validators=[DataRequired(), Length(max=200)]
    )


def _notes(label, required: bool = False):
    return TextAreaField(
        label,
        filters=[stripped],
        validators=[DataRequired() if required else Optional(), Length(max=5000)],
    )


class ObjectiveForm(Form):
    title = _title(_l("Objective"))
    perspective = SelectField(
        _l("Scorecard perspective"), choices=lambda: enum_choices(Perspective)
    )
    goal_id = SelectField(_l("Serves the goal"), coerce=int)
    crm_strategy = SelectField(
        _l("CRM strategy"), choices=lambda: optional_enum_choices(CrmStrategy)
    )
    submit = SubmitField(_l("Save objective"))

    def values(self) -> ObjectiveDetails:
        """The validated fields as the service takes them."""
        return ObjectiveDetails(
            title=self.title.data,
            perspective=Perspective(self.perspective.data),
            goal_id=self.goal_id.data or None,
            crm_strategy=CrmStrategy(self.crm_strategy.data)
            if self.crm_strategy.data
            else None,
        )


class ValueForm(Form):
    day = DateField(
        _l("Period"),
        default=date.today,
        description=_l("Any day of the month or quarter the value is for."),
        validators=[DataRequired(), not_after_today],
    )
    value = LocalNumberField(_l("Value"), validators=[InputRequired()])
    note = StringField(
        _l("Note"), filters=[stripped], validators=[Optional(), Length(max=300)]
    )
    #: the revisions of the values the page showed, by period start
    seen = RevisionsField()
    submit = SubmitField(_l("Record value"))


class WorkPackageForm(Form):
    revision = RevisionField()
    title = _title(_l("Work package"))
    owner_id = SelectField(_l("Owner"), coerce=int)
    starts_on = DateField(_l("Start"), validators=[DataRequired()])
    ends_on = DateField(
        _l("End"),
        description=_l("Leave empty for a milestone."),
        validators=[Optional()],
    )
    status = SelectField(_l("Status"), choices=lambda: enum_choices(WorkStatus))
    is_milestone = BooleanField(_l("This is a milestone"))
    depends_on_id = SelectField(_l("Waits for"), coerce=int)
    closes = SelectMultipleField(
        _l("Closes the gaps"),
        description=_l("The gap analysis's cells (component and layer) it closes."),
    )
    is_pilot = BooleanField(
        _l("This is the pilot"),
        description=_l('The success factor "tried in a pilot first" is held to it.'),
    )
    notes = _notes(_l("Notes"))
    submit = SubmitField(_l("Save work package"))

    def values(self) -> WorkPackageDetails:
        """The validated fields as the service takes them; a milestone ends
        the day it starts."""
        return WorkPackageDetails(
            title=self.title.data,
            owner_id=self.owner_id.data or None,
            starts_on=self.starts_on.data,
            ends_on=self.starts_on.data
            if self.is_milestone.data
            else self.ends_on.data,
            status=WorkStatus(self.status.data),
            is_milestone=self.is_milestone.data,
            depends_on_id=self.depends_on_id.data or None,
            notes=self.notes.data or "",
            closes=list(self.closes.data or []),
            is_pilot=self.is_pilot.data,
        )

    def validate_ends_on(self, field):
        if self.starts_on.data and field.data and field.data < self.starts_on.data:
            raise ValidationError(_l("The end cannot be before the start."))

    def validate(self, extra_validators=None) -> bool:
        """The field checks, then: only a milestone may leave its end empty."""
        valid = super().validate(extra_validators)
        if self.ends_on.data is None and not self.is_milestone.data:
            self.ends_on.errors.append(
                _l("Give the end date (only a milestone has none).")
            )
            return False
        return valid


class PlanSettingsForm(Form):
    shortest_months = IntegerField(
        _l("Warn when the plan is shorter than (months)"),
        validators=[InputRequired(), NumberRange(1, 120)],
    )
    longest_months = IntegerField(
        _l("Warn when the plan is longer than (months)"),
        validators=[InputRequired(), NumberRange(1, 120)],
    )
    submit = SubmitField(_l("Save limits"))

    def validate_longest_months(self, field):
        # either may be None: a number that did not parse has its own error
        shortest = self.shortest_months.data
        if shortest and field.data is not None and field.data <= shortest:
            raise ValidationError(_l("The longest must be more than the shortest."))


class ReviewForm(Form):
    held_on = DateField(
        _l("Date"), default=date.today, validators=[DataRequired(), not_after_today]
    )
    findings = _notes(_l("Findings"), required=True)
    owner_id = SelectField(_l("Follows the actions up"), coerce=int)
    submit = SubmitField(_l("Save review"))

    def values(self) -> ReviewDetails:
        """The validated fields as the service takes them."""
        return ReviewDetails(
            held_on=self.held_on.data,
            findings=self.findings.data,
            owner_id=self.owner_id.data or None,
        )


class RecheckForm(Form):
    """Link a check of the success factors to a review, or start one."""

    take_id = SelectField(_l("Check of the success factors"), coerce=int)
    link = SubmitField(_l("Link this check"))
    start = SubmitField(_l("Start a re-check of the success factors"))


class ActionForm(Form):
    text = _title(_l("Action"))
    owner_id = SelectField(_l("Owner"), coerce=int)
    due_on = DateField(_l("Due"), validators=[Optional()])
    status = SelectField(_l("Status"), choices=lambda: enum_choices(ActionStatus))
    work_package_id = SelectField(_l("Work package"), coerce=int)
    measure_id = SelectField(_l("Measure"), coerce=int)
    submit = SubmitField(_l("Save action"))

    def values(self) -> ActionDetails:
        """The validated fields as the service takes them."""
        return ActionDetails(
            text=self.text.data,
            owner_id=self.owner_id.data or None,
            due_on=self.due_on.data,
            status=ActionStatus(self.status.data),
            work_package_id=self.work_package_id.data or None,
            measure_id=self.measure_id.data or None,
        )
