"""Forms of the planning phase (a goal's measure is in ``app.measures.forms``)."""

from __future__ import annotations

from flask_babel import LazyString
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from app.forms import (
    CheckboxesField,
    Form,
    RevisionField,
    enum_choices,
    not_after_today,
    stripped,
)
from app.i18n.labels import label
from app.planning.services import AnswerText, GoalDetails, SessionDetails
from assessments.organisation import Department
from assessments.planning import MAX_PRIORITY, CrmStrategy


class SessionForm(Form):
    held_on = DateField(_l("Date"), validators=[Optional()])
    #: one of the organisation's people; 0 is "—", nobody yet
    facilitator_id = SelectField(_l("Facilitator"), coerce=int, default=0)
    invited = CheckboxesField(_l("Participants"), coerce=int)
    attended = CheckboxesField(_l("Attended"), coerce=int)
    held = BooleanField(_l("The session has been held; attendance is final"))
    submit = SubmitField(_l("Save session"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A session without a facilitator reads as "—", also when a post
        # leaves the field out.
        if self.facilitator_id.data is None:
            self.facilitator_id.data = 0

    def validate_held_on(self, field) -> None:
        """A session is held on a day that has come; until it is held, its
        date is a plan and may lie ahead."""
        if self.held.data:
            not_after_today(self, field)

    def validate_held(self, field) -> None:
        """A held session took place on a day, led by someone, with people in
        the room (DOMAIN.md, planning: the working group meets in sessions)."""
        if not field.data:
            return
        if self.held_on.data is None:
            raise ValidationError(_("Give the date the session was held on."))
        if not self.facilitator_id.data:
            raise ValidationError(_("Choose who led the session."))
        if not self.attended.data:
            raise ValidationError(_("Tick who attended the session."))

    def details(self) -> SessionDetails:
        """The validated fields as the service takes them: whoever attended
        was invited too."""
        attended = frozenset(self.attended.data or [])
        return SessionDetails(
            held_on=self.held_on.data,
            facilitator_id=self.facilitator_id.data or None,
            held=self.held.data,
            invited=frozenset(self.invited.data or []) | attended,
            attended=attended,
        )


class AnswerForm(Form):
    revision = RevisionField()
    notes = TextAreaField(_l("Notes"), validators=[Optional(), Length(max=20000)])
    agreed = TextAreaField(
        _l("Agreed answer"), validators=[Optional(), Length(max=5000)]
    )
    nothing_agreed = TextAreaField(
        _l("Nothing agreed, because"), validators=[Optional(), Length(max=2000)]
    )
    submit = SubmitField(_l("Save"))

    def text(self) -> AnswerText:
        """The validated fields as the service takes them."""
        return AnswerText(
            notes=self.notes.data or "",
            agreed=self.agreed.data or "",
            nothing_agreed=self.nothing_agreed.data or "",
        )


class StrategyForm(Form):
    statement = TextAreaField(
        _l("Business strategy"),
        filters=[stripped],
        validators=[DataRequired(), Length(max=2000)],
    )
    sources = CheckboxesField(_l("Came from the discussion of"))
    submit = SubmitField(_l("Add strategy"))


class PriorityForm(Form):
    """The four CRM strategies' priorities, one pair of fields each."""

    submit = SubmitField(_l("Save priorities"))


def _labelled(text: LazyString, strategy: CrmStrategy) -> LazyString:
    """A field's label naming its strategy in the reader's language: an error
    reads "Priority: Prospecting new customers", not the field's name."""
    return LazyString(lambda: str(text) % {"strategy": label(strategy)})


for _strategy in CrmStrategy:
    setattr(
        PriorityForm,
        f"{_strategy.value}_priority",
        IntegerField(
            _labelled(_l("Priority: %(strategy)s"), _strategy),
            validators=[NumberRange(0, MAX_PRIORITY)],
            default=0,
        ),
    )
    setattr(
        PriorityForm,
        f"{_strategy.value}_rationale",
        TextAreaField(
            _labelled(_l("Why: %(strategy)s"), _strategy),
            filters=[stripped],
            validators=[Optional(), Length(max=2000)],
        ),
    )


class VisionForm(Form):
    vision = TextAreaField(
        _l("CRM vision"),
        filters=[stripped],
        validators=[DataRequired(), Length(max=2000)],
        description=_l(
            "One or two sentences on where the company wants to be with its customers."
        ),
    )
    submit = SubmitField(_l("Save vision"))


class GoalForm(Form):
    title = StringField(
        _l("Goal"), filters=[stripped], validators=[DataRequired(), Length(max=200)]
    )
    target = StringField(
        _l("Measurable target"),
        filters=[stripped],
        validators=[DataRequired(), Length(max=300)],
        description=_l("For example: keep nine in ten of last year's customers."),
    )
    deadline = DateField(_l("Deadline"), validators=[DataRequired()])
    department = SelectField(
        _l("Owning department"), choices=lambda: enum_choices(Department)
    )
    strategy_id = SelectField(_l("Business strategy"), coerce=int)
    submit = SubmitField(_l("Save goal"))

    def values(self) -> GoalDetails:
        """The validated fields as the service takes them; "—" (0) is no
        strategy."""
        return GoalDetails(
            title=self.title.data,
            target=self.target.data or "",
            deadline=self.deadline.data,
            department=Department(self.department.data),
            strategy_id=self.strategy_id.data or None,
        )
