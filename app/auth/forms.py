"""Forms of signing in and setting passwords."""

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, PasswordField, SubmitField
from wtforms.validators import DataRequired, Email, EqualTo, Length

from app.forms import Form, stripped

#: The shortest password accepted; length beats character-class rules.
MIN_PASSWORD_LENGTH = 10


class LoginForm(Form):
    email = EmailField(
        _l("E-mail"), filters=[stripped], validators=[DataRequired(), Email()]
    )
    password = PasswordField(_l("Password"), validators=[DataRequired()])
    submit = SubmitField(_l("Sign in"))


class ConfirmPasswordForm(Form):
    password = PasswordField(_l("Password"), validators=[DataRequired()])
    submit = SubmitField(_l("Confirm"))


def new_password_fields():
    """A new password and its confirmation, shared by the forms that set one."""
    password = PasswordField(
        _l("New password"),
        validators=[DataRequired(), Length(min=MIN_PASSWORD_LENGTH, max=128)],
        description=_l("At least %(count)d characters.", count=MIN_PASSWORD_LENGTH),
    )
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[
            DataRequired(),
            EqualTo("password", message=_l("The two passwords do not match.")),
        ],
    )
    return password, confirm


class SetPasswordForm(Form):
    password, confirm = new_password_fields()
    submit = SubmitField(_l("Set password"))
