"""Forms of the account page."""

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, PasswordField, SelectField, SubmitField
from wtforms.validators import AnyOf, DataRequired

from app.auth.forms import new_password_fields
from app.forms import Form, language_choices
from app.i18n.locale import LANGUAGE_NAMES


class LanguageForm(Form):
    language = SelectField(
        _l("Language"),
        choices=language_choices,
        validators=[DataRequired()],
    )
    submit = SubmitField(_l("Save language"))


class QuickLanguageForm(Form):
    """The one-click switch in the page header."""

    language = HiddenField(validators=[AnyOf(list(LANGUAGE_NAMES))])
    next = HiddenField()


class ChangePasswordForm(Form):
    current_password = PasswordField(
        _l("Current password"), validators=[DataRequired()]
    )
    password, confirm = new_password_fields()
    submit = SubmitField(_l("Change password"))
