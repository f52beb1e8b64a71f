"""The measure's forms: the goal's measure as planning agrees it, and the same
measure as the scorecard tracks it. Choices that list the engagement's own
rows (goals, objectives, members) are set by the view."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField, SubmitField
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    Optional,
    ValidationError,
)

from app.forms import (
    Form,
    LocalNumberField,
    enum_choices,
    optional_enum_choices,
    select_choices,
    stripped,
)
from app.measures.services import MeasureBasics, MeasureTracking
from assessments.organisation import Department
from assessments.planning import Direction, Perspective
from assessments.scorecard import (
    FIXED_BY_RULES,
    NEEDS_AMOUNT,
    Basis,
    ComputedMeasure,
    MeasureScope,
    Period,
    Thresholds,
)

#: A refused target, placed on the target field of either page's measure form.
TARGET_REFUSALS = {
    "target_worse_than_baseline": (
        "target",
        _l(
            "This target is worse than the baseline, given which way is better "
            "for this measure: set one that improves on where it starts."
        ),
    ),
}


class MeasureForm(Form):
    """Prefixed: it shares the goal's page with the goal's own form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="measure", **kwargs)

    name = StringField(
        _l("Measure"), filters=[stripped], validators=[DataRequired(), Length(max=200)]
    )
    perspective = SelectField(
        _l("Scorecard perspective"), choices=lambda: enum_choices(Perspective)
    )
    unit = StringField(
        _l("Unit"), filters=[stripped], validators=[Optional(), Length(max=40)]
    )
    direction = SelectField(_l("Better when"), choices=lambda: enum_choices(Direction))
    baseline = LocalNumberField(_l("Baseline"), validators=[Optional()])
    target = LocalNumberField(_l("Target"), validators=[InputRequired()])
    submit = SubmitField(_l("Save measure"))

    def values(self) -> MeasureBasics:
        """The validated fields as the service takes them."""
        return MeasureBasics(
            name=self.name.data,
            perspective=Perspective(self.perspective.data),
            unit=self.unit.data or "",
            direction=Direction(self.direction.data),
            baseline=self.baseline.data,
            target=self.target.data,
        )


class ScorecardMeasureForm(MeasureForm):
    """A measure or KPI as implementation tracks it: the planning fields, and
    thresholds, period, owner and where its values come from."""

    scope = SelectField(
        _l("Whose performance it measures"), choices=lambda: enum_choices(MeasureScope)
    )
    department = SelectField(
        _l("Department (for a department KPI)"),
        choices=lambda: optional_enum_choices(Department),
    )
    goal_id = SelectField(_l("Goal"), coerce=int, validators=[InputRequired()])
    objective_id = SelectField(_l("Objective"), coerce=int)
    owner_id = SelectField(_l("Owner"), coerce=int)
    computed = SelectField(
        _l("Values"),
        description=_l(
            "A computed measure takes its value from every analysis of the "
            "customer data; nobody types it."
        ),
        choices=lambda: [
            *select_choices([("", _l("Typed in by the owner"))]),
            *enum_choices(ComputedMeasure, leave_out=FIXED_BY_RULES),
        ],
    )
    value_floor = LocalNumberField(
        _l("Customers worth at least"),
        description=_l(
            "For “customers above a value”: the value, by the basis below, a "
            "customer must reach over the analysis's period to be counted."
        ),
        validators=[Optional()],
    )
    basis = SelectField(
        _l("Customers valued by"),
        description=_l(
            "A computed measure of value groups reads only the analyses that "
            "value customers this way, so one analysis by profit does not "
            "change what its chart compares."
        ),
        choices=lambda: enum_choices(Basis),
        default=Basis.TURNOVER.value,
    )
    period = SelectField(_l("Period"), choices=lambda: enum_choices(Period))
    green = LocalNumberField(_l("Green from"), validators=[Optional()])
    amber = LocalNumberField(_l("Amber from"), validators=[Optional()])
    submit = SubmitField(_l("Save measure"))

    def tracking(self) -> MeasureTracking:
        """How the scorecard follows the measure, as the service takes it; a
        department is kept only for a department KPI."""
        scope = MeasureScope(self.scope.data)
        return MeasureTracking(
            goal_id=self.goal_id.data or None,
            objective_id=self.objective_id.data or None,
            owner_id=self.owner_id.data or None,
            scope=scope,
            department=Department(self.department.data)
            if scope == MeasureScope.DEPARTMENT
            else None,
            period=Period(self.period.data),
            basis=Basis(self.basis.data),
            computed=ComputedMeasure(self.computed.data)
            if self.computed.data
            else None,
            value_floor=self.value_floor.data
            if self.computed.data in NEEDS_AMOUNT
            else None,
            green=self.green.data,
            amber=self.amber.data,
        )

    def validate(self, extra_validators=None) -> bool:
        """Every field's checks and the thresholds together in one round, so
        the form names every problem at once."""
        fields_valid = super().validate(extra_validators)
        together = [self._thresholds_agree(), self._amount_given()]
        return all(together) and fields_valid

    def _amount_given(self) -> bool:
        """A count of customers above a value needs the value."""
        if self.computed.data not in NEEDS_AMOUNT or self.value_floor.errors:
            return True
        if self.value_floor.data is None:
            self.value_floor.errors.append(
                _l("Give the value a customer must reach to be counted.")
            )
            return False
        return True

    def _thresholds_agree(self) -> bool:
        """Both thresholds or neither, and green asks at least as much as amber
        in the better direction. A field that did not parse is already named."""
        if self.green.errors or self.amber.errors or self.direction.errors:
            return True
        green, amber = self.green.data, self.amber.data
        if (green is None) != (amber is None):
            self.amber.errors.append(_l("Give both thresholds, or leave both empty."))
            return False
        if green is not None and not Thresholds(green, amber).is_consistent(
            Direction(self.direction.data)
        ):
            self.amber.errors.append(
                _l("Amber must ask less than green in the direction that is better.")
            )
            return False
        return True

    def validate_department(self, field):
        if self.scope.data == MeasureScope.DEPARTMENT.value and not field.data:
            raise ValidationError(_l("Choose the department this KPI measures."))

    def validate_goal_id(self, field):
        if not field.data:
            raise ValidationError(_l("Tie the measure to a goal of the project."))

    def validate_owner_id(self, field):
        if self.scope.data == MeasureScope.PERSONAL.value and not field.data:
            raise ValidationError(_l("Choose the person this KPI measures."))
