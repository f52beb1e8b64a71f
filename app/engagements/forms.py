"""Forms of engagements and memberships."""

import json

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import BooleanField, EmailField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from app.engagements.services import EngagementDetails
from app.forms import (
    Form,
    countries,
    enum_choices,
    language_choices,
    select_choices,
    stripped,
)
from app.i18n.currencies import (
    currencies_by_country,
    currency_choices,
    default_currency,
)
from app.i18n.locale import time_zone_choices
from app.models import CompanySize
from assessments.roles import Role


class EngagementForm(Form):
    name = StringField(
        _l("Client company"),
        validators=[DataRequired(), Length(max=200)],
        description=_l("As it should appear on reports."),
    )
    sector = StringField(_l("Sector"), validators=[DataRequired(), Length(max=120)])
    size = SelectField(_l("Company size"), validators=[DataRequired()])
    country = SelectField(
        _l("Country"),
        validators=[DataRequired(_l("Choose the company's country."))],
    )
    currency = SelectField(
        _l("Currency"),
        # Left empty, it is the country's (see __init__); any other code is
        # checked by validate_currency, with a message that says what is wrong.
        validators=[DataRequired()],
        validate_choice=False,
        description=_l("The currency of its sales: amounts are shown in it."),
    )
    report_language = SelectField(
        _l("Language of reports"),
        choices=language_choices,
        validators=[DataRequired()],
    )
    time_zone = SelectField(
        _l("Time zone"),
        validators=[DataRequired()],
        description=_l(
            "Where the company works: a record dated after today there is refused."
        ),
    )
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Built per request: the labels follow the user's language.
        self.size.choices = enum_choices(CompanySize)
        self.country.choices = countries()
        engagement = kwargs.get("obj")
        self.currency.choices = select_choices(
            currency_choices(kept=engagement.currency if engagement else None)
        )
        if not self.currency.data:
            self.currency.data = default_currency(self.country.data)
        if engagement is None and not self.is_submitted():
            # A new engagement's currency follows the country chosen (app.js)
            # until the consultant picks one; an existing one's, or one sent
            # back with an error, never moves by itself.
            self.currency.render_kw = {
                "data-currency-of-country": json.dumps(currencies_by_country())
            }
        self.time_zone.choices = time_zone_choices()
        if not self.time_zone.data:
            self.time_zone.data = current_app.config["BABEL_DEFAULT_TIMEZONE"]
        if not self.report_language.data:
            self.report_language.data = current_user.language

    def values(self) -> EngagementDetails:
        """The validated fields as the service takes them."""
        return EngagementDetails(
            name=self.name.data,
            sector=self.sector.data,
            size=CompanySize(self.size.data),
            country=self.country.data,
            report_language=self.report_language.data,
            time_zone=self.time_zone.data,
            currency=self.currency.data,
        )

    def validate_currency(self, field):
        """Only a currency on offer: a code sent from outside the list (made
        up, or given up by its country) is refused, not stored."""
        if field.data not in {choice.value for choice in field.choices}:
            raise ValidationError(
                _l("This is not a currency in use today: choose one from the list.")
            )


class InviteForm(Form):
    email = EmailField(
        _l("E-mail"),
        filters=[stripped],
        validators=[DataRequired(), Email(), Length(max=254)],
    )
    name = StringField(
        _l("Full name"),
        validators=[Optional(), Length(max=120)],
        description=_l("Needed only for someone who has no account yet."),
    )
    role = SelectField(_l("Role"), validators=[DataRequired()], default=Role.TEAM.value)
    record_sponsor = BooleanField(
        _l("Record a sponsor as the organisation's sponsor"),
        description=_l(
            "For the role sponsor: they are added to the project organisation as"
            " its sponsor and the company's top decision maker."
        ),
    )
    submit = SubmitField(_l("Invite"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.role.choices = enum_choices(Role)


class RoleForm(Form):
    role = SelectField(_l("Role"), validators=[DataRequired()])
    submit = SubmitField(_l("Change role"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.role.choices = enum_choices(Role)
