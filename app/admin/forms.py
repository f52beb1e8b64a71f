"""Forms of user administration."""

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, Length

from app.forms import Form, enum_choices, language_choices, stripped
from app.models import SiteRole


class UserForm(Form):
    email = EmailField(
        _l("E-mail"),
        filters=[stripped],
        validators=[DataRequired(), Email(), Length(max=254)],
    )
    name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=120)])
    site_role = SelectField(
        _l("Account type"),
        validators=[DataRequired()],
        default=SiteRole.CONSULTANT.value,
    )
    language = SelectField(_l("Language"), choices=language_choices, default="tr")
    submit = SubmitField(_l("Create user"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.site_role.choices = enum_choices(SiteRole)
