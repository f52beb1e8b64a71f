"""The consultant's word on an answer the data contradicts."""

from flask_babel import lazy_gettext as _l
from wtforms import SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from app.forms import Form, stripped


class KeepAnswerForm(Form):
    reason = TextAreaField(
        _l("Why the answer stands although the data says otherwise"),
        filters=[stripped],
        validators=[
            DataRequired(_l("Say why the answer stands.")),
            Length(min=10, max=2000),
        ],
        description=_l(
            "For example: the export misses the decision makers; the sales team "
            "keeps them in its own address books."
        ),
    )
    submit = SubmitField(_l("Keep the answer"))
