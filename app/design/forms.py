"""Forms of the design phase (the import has its own)."""

from __future__ import annotations

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
    Email,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from app.design.customers import ContactDetails, CustomerDetails, InteractionDetails
from app.design.strategies import StrategyDetails
from app.forms import (
    Form,
    LocalNumberField,
    enum_choices,
    not_after_today,
    optional_enum_choices,
    optional_id_choices,
    stripped,
)
from assessments.idic import Channel, InteractionDirection, LifecycleStage
from assessments.planning import CrmStrategy
from assessments.value_groups import ValueGroup


def _text(label, length: int, required: bool = False):
    validators = [DataRequired()] if required else [Optional()]
    return StringField(
        label, filters=[stripped], validators=[*validators, Length(max=length)]
    )


class CustomerForm(Form):
    account_number = _text(_l("Account number"), 64, required=True)
    name = _text(_l("Name"), 200, required=True)
    title = _text(_l("Trade title"), 200)
    address = _text(_l("Address"), 400)
    city = _text(_l("City"), 100)
    phone = _text(_l("Phone"), 40)
    email = StringField(
        _l("E-mail"),
        filters=[stripped],
        validators=[Optional(), Email(check_deliverability=False), Length(max=254)],
    )
    sector = _text(_l("Sector"), 120)
    strategic_potential = IntegerField(
        _l("Strategic potential (1–5)"), validators=[Optional(), NumberRange(1, 5)]
    )
    lifecycle_stage = SelectField(_l("Lifecycle stage"), validators=[Optional()])
    last_verified_on = DateField(
        _l("Last verified on"), validators=[Optional(), not_after_today]
    )
    wallet_share = LocalNumberField(
        _l("Our share of the customer's spend (0–1)"),
        validators=[Optional(), NumberRange(0, 1)],
    )
    submit = SubmitField(_l("Save customer"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lifecycle_stage.choices = optional_enum_choices(LifecycleStage)

    def values(self) -> CustomerDetails:
        """The validated fields as the service takes them; text left empty is
        "", an empty choice None."""
        return CustomerDetails(
            account_number=self.account_number.data,
            name=self.name.data,
            title=self.title.data or "",
            address=self.address.data or "",
            city=self.city.data or "",
            phone=self.phone.data or "",
            email=self.email.data or "",
            sector=self.sector.data or "",
            strategic_potential=self.strategic_potential.data,
            lifecycle_stage=LifecycleStage(self.lifecycle_stage.data)
            if self.lifecycle_stage.data
            else None,
            last_verified_on=self.last_verified_on.data,
            wallet_share=self.wallet_share.data,
        )


class ContactForm(Form):
    name = _text(_l("Name"), 200, required=True)
    title = _text(_l("Position"), 200)
    email = StringField(
        _l("E-mail"),
        filters=[stripped],
        validators=[Optional(), Email(check_deliverability=False), Length(max=254)],
    )
    phone = _text(_l("Phone"), 40)
    is_decision_maker = BooleanField(_l("Decision maker (e.g. the purchaser)"))
    submit = SubmitField(_l("Save contact"))

    def values(self) -> ContactDetails:
        """The validated fields as the service takes them."""
        return ContactDetails(
            name=self.name.data,
            title=self.title.data or "",
            email=self.email.data or "",
            phone=self.phone.data or "",
            is_decision_maker=self.is_decision_maker.data,
        )


class InteractionForm(Form):
    occurred_on = DateField(_l("Date"), validators=[InputRequired(), not_after_today])
    channel = SelectField(_l("Channel"))
    direction = SelectField(_l("Who reached out"))
    note = TextAreaField(
        _l("Note"), filters=[stripped], validators=[DataRequired(), Length(max=5000)]
    )
    submit = SubmitField(_l("Log interaction"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.channel.choices = enum_choices(Channel)
        self.direction.choices = enum_choices(InteractionDirection)

    def values(self) -> InteractionDetails:
        """The validated fields as the service takes them."""
        return InteractionDetails(
            occurred_on=self.occurred_on.data,
            channel=Channel(self.channel.data),
            direction=InteractionDirection(self.direction.data),
            note=self.note.data,
        )


class InteractionEditForm(InteractionForm):
    """The same fields, saved as a correction."""

    submit = SubmitField(_l("Save interaction"))


class NotesForm(Form):
    customisation_notes = TextAreaField(
        _l("How we treat this customer differently"),
        filters=[stripped],
        validators=[Optional(), Length(max=10000)],
    )
    submit = SubmitField(_l("Save notes"))


class OverrideForm(Form):
    value_group = SelectField(_l("Value group"))
    reason = TextAreaField(
        _l("Reason"),
        filters=[stripped],
        validators=[DataRequired(), Length(min=10, max=2000)],
    )
    submit = SubmitField(_l("Set the group"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.value_group.choices = enum_choices(ValueGroup)


def parse_edges(text: str | None) -> tuple[float, ...] | None:
    """Four ascending cut points typed as "30 90 180 365" (or with ; or ,);
    None when left empty, so that quintiles are used."""
    if not text:
        return None
    parts = text.replace(";", " ").replace(",", " ").split()
    edges = tuple(float(part) for part in parts)
    if len(edges) != 4 or list(edges) != sorted(set(edges)):
        raise ValueError
    return edges


def band_edges(form, field) -> None:
    try:
        parse_edges(field.data)
    except ValueError:
        raise ValidationError(
            _l("Give four increasing numbers, e.g. 30 90 180 365.")
        ) from None


class WithdrawForm(Form):
    reason = TextAreaField(
        _l("Why is this analysis withdrawn?"),
        filters=[stripped],
        validators=[DataRequired(), Length(max=2000)],
        description=_l(
            "Kept with the analysis and shown in the activity log; for example "
            "“the analysis date was mistyped”."
        ),
    )
    submit = SubmitField(_l("Withdraw the analysis"))


class AnalysisForm(Form):
    """The settings of a new analysis; defaults are the method's."""

    as_of = DateField(
        _l("Analysis date"), validators=[InputRequired(), not_after_today]
    )
    use_profit = BooleanField(_l("Value customers by profit instead of turnover"))
    cost_to_serve = LocalNumberField(
        _l("Cost to serve one customer (below it: BZ)"),
        default=0.0,
        validators=[InputRequired()],
    )
    mvc_percent = LocalNumberField(
        _l("MVC: top percent of customers by value"),
        default=20.0,
        validators=[InputRequired(), NumberRange(1, 50)],
    )
    growth_percent = LocalNumberField(
        _l("MGC: spend growth over the year before, in percent"),
        default=10.0,
        validators=[InputRequired(), NumberRange(0, 1000)],
    )
    a_percent = LocalNumberField(
        _l("A: share of value, in percent"),
        default=80.0,
        validators=[InputRequired(), NumberRange(1, 99)],
    )
    b_percent = LocalNumberField(
        _l("B: share of value, in percent"),
        default=15.0,
        validators=[InputRequired(), NumberRange(0, 99)],
    )
    recency_edges = StringField(
        _l("Recency band edges in days (optional)"),
        filters=[stripped],
        validators=[Optional(), Length(max=100), band_edges],
    )
    frequency_edges = StringField(
        _l("Frequency band edges (optional)"),
        filters=[stripped],
        validators=[Optional(), Length(max=100), band_edges],
    )
    monetary_edges = StringField(
        _l("Monetary band edges (optional)"),
        filters=[stripped],
        validators=[Optional(), Length(max=100), band_edges],
    )
    submit = SubmitField(_l("Run the analysis"))

    def validate_b_percent(self, field):
        if (self.a_percent.data or 0) + (field.data or 0) >= 100:
            raise ValidationError(_l("A and B together must leave room for C."))


class StrategyForm(Form):
    crm_strategy = SelectField(_l("CRM strategy"))
    actions = TextAreaField(
        _l("Actions"), filters=[stripped], validators=[Optional(), Length(max=5000)]
    )
    channel = SelectField(_l("Main channel"), validators=[Optional()])
    owner_id = SelectField(_l("Owner"), coerce=int, validators=[Optional()])
    submit = SubmitField(_l("Save strategy"))

    def __init__(self, *args, owners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.crm_strategy.choices = enum_choices(CrmStrategy)
        self.channel.choices = optional_enum_choices(Channel)
        self.owner_id.choices = optional_id_choices(owners)

    def values(self) -> StrategyDetails:
        """The validated fields as the service takes them; an empty channel or
        owner is None."""
        return StrategyDetails(
            crm_strategy=CrmStrategy(self.crm_strategy.data),
            actions=self.actions.data or "",
            channel=Channel(self.channel.data) if self.channel.data else None,
            owner_id=self.owner_id.data or None,
        )
