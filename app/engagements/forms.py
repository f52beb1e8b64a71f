"""Forms of engagements and memberships."""

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, Length, Optional

from app.engagements.services import EngagementDetails
from app.forms import Form, countries, enum_choices, language_choices, stripped
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
    country = SelectField(_l("Country"), validators=[DataRequired()], default="TR")
    report_language = SelectField(
        _l("Language of reports"),
        choices=language_choices,
        default="tr",
        validators=[DataRequired()],
    )
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Built per request: the labels follow the user's language.
        self.size.choices = enum_choices(CompanySize)
        self.country.choices = countries()

    def values(self) -> EngagementDetails:
        """The validated fields as the service takes them."""
        return EngagementDetails(
            name=self.name.data,
            sector=self.sector.data,
            size=CompanySize(self.size.data),
            country=self.country.data,
            report_language=self.report_language.data,
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
