"""Form pieces shared by several areas."""

import math
from collections.abc import Iterable
from enum import Enum

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectMultipleField, widgets
from wtforms.validators import ValidationError

from app.i18n import LANGUAGE_NAMES, country_choices, label


def stripped(value):
    """A field filter: drop the spaces people paste around e-mails and names."""
    return value.strip() if isinstance(value, str) else value


def finite(form, field) -> None:
    """A number field validator: refuse "nan" and "inf", which Python's float()
    accepts but no measure can hold."""
    if field.data is not None and not math.isfinite(field.data):
        raise ValidationError(_l("Enter a number."))


def select_choices(pairs: Iterable[tuple[str, str]]) -> list[SelectChoice]:
    return [SelectChoice(value, text) for value, text in pairs]


def enum_choices(enum_class: type[Enum]) -> list[SelectChoice]:
    """The members of one of the core's enums, labelled in the user's language."""
    return [SelectChoice(member.value, label(member)) for member in enum_class]


def optional_enum_choices(enum_class: type[Enum]) -> list[SelectChoice]:
    """The enum's members after a "none" choice whose value is empty."""
    return [*select_choices([("", "—")]), *enum_choices(enum_class)]


def optional_id_choices(pairs: Iterable[tuple[int, str]]) -> list[SelectChoice]:
    """Rows to pick from (id, text) after a "none" choice with id 0."""
    return select_choices([(0, "—"), *pairs])


def language_choices() -> list[SelectChoice]:
    return select_choices(LANGUAGE_NAMES.items())


def countries() -> list[SelectChoice]:
    return select_choices(country_choices())


class CheckboxesField(SelectMultipleField):
    """Several options, shown as checkboxes."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class ConfirmForm(FlaskForm):
    """A bare form whose only job is to carry the CSRF token of a button."""
