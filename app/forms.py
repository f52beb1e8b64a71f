"""Form pieces shared by several areas."""

import json
import math
import re
from collections.abc import Collection, Iterable
from enum import Enum

from babel.numbers import NumberFormatError, parse_decimal
from flask_babel import format_date, format_decimal, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.exceptions import BadRequest
from wtforms import (
    FloatField,
    HiddenField,
    SelectChoice,
    SelectMultipleField,
    StringField,
    TextAreaField,
    widgets,
)
from wtforms.validators import ValidationError

from app.i18n.labels import label
from app.i18n.locale import LANGUAGE_NAMES, country_choices, local_today
from app.text import has_control_characters


class Form(FlaskForm):
    """The base of every form of the app: a FlaskForm whose text fields all
    refuse control characters, so that no form can forget to (a NUL byte
    would fail at PostgreSQL's door). Long text (``TextAreaField``) keeps tab
    and line breaks."""

    def validate(self, extra_validators=None) -> bool:
        extra = {name: list(v) for name, v in (extra_validators or {}).items()}
        for name, field in self._fields.items():
            if isinstance(field, StringField):
                extra.setdefault(name, []).append(plain_text)
        return super().validate(extra)


def plain_text(_form, field) -> None:
    """A validator: no control characters (tab and line breaks in long text)."""
    if isinstance(field.data, str) and has_control_characters(
        field.data, line_breaks_allowed=isinstance(field, TextAreaField)
    ):
        raise ValidationError(
            _("This text holds invisible control characters: remove them.")
        )


class TamperedForm(BadRequest):
    """A hidden field that no page of the app writes: the form was altered
    (or is from an older version of the page). Like a bad CSRF token, it is
    a 400 before the view runs, so that nothing is saved on its word."""


def stripped(value):
    """A field filter: drop the spaces people paste around e-mails and names."""
    return value.strip() if isinstance(value, str) else value


def not_after_today(_form, field) -> None:
    """A validator for the date of something that happened (a meeting held,
    an announcement made, an interaction, an analysis): a record of an event
    is never in the future, or it would close a phase or feed the scorecard
    before the event took place. Plans and deadlines do not use it."""
    today = local_today()
    if field.data is not None and field.data > today:
        raise ValidationError(
            _(
                "This date is after today (%(today)s): record it once it has happened.",
                today=format_date(today),
            )
        )


#: A number as programs write it, whatever the language: 12.5, -400
_PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")
#: Every digit a float holds, grouped the way the language groups thousands
_EDITABLE_NUMBER = "#,##0.###############"


class LocalNumberField(FloatField):
    """A number typed the way the user's language writes it: 1.234,5 in
    Turkish, 1,234.5 in English.

    A browser's number input reads a Turkish "1,5" as 15 without a word, so
    this is a text input that the server parses with the user's locale. A
    number that fits neither the locale nor the plain form (12.5) is refused
    with an example, never guessed; nan and inf are refused too. Given
    ``minimum``, ``maximum`` or ``whole`` (a count), the field refuses what
    lies outside them, and its message and example keep to them, written
    the reader's way (a count from 0 to 10,000,000: "such as 1,234").
    """

    widget = widgets.TextInput()

    def __init__(
        self,
        label=None,
        validators=None,
        *,
        minimum: float | None = None,
        maximum: float | None = None,
        whole: bool = False,
        **kwargs,
    ):
        self.minimum, self.maximum, self.whole = minimum, maximum, whole
        render_kw = {"inputmode": "numeric" if whole else "decimal"}
        render_kw.update(autocomplete="off", **(kwargs.pop("render_kw", None) or {}))
        super().__init__(label, validators, render_kw=render_kw, **kwargs)

    def _value(self) -> str:
        if self.raw_data:
            return self.raw_data[0]
        if self.data is None:
            return ""
        return format_decimal(self.data, _EDITABLE_NUMBER)

    def process_formdata(self, valuelist) -> None:
        text = valuelist[0].strip() if valuelist else ""
        if not text:
            self.data = None
            return
        self.data = _parse_number(text)
        if self.data is None or not math.isfinite(self.data):
            self.data = None
            raise ValueError(self.expected())

    def post_validate(self, form, validation_stopped) -> None:
        if validation_stopped or self.data is None:
            return
        if not self.fits(self.data):
            raise ValidationError(self.expected())

    def fits(self, number: float) -> bool:
        """Whether the number keeps to the field's bounds (and is whole, if asked)."""
        return (
            (not self.whole or float(number).is_integer())
            and (self.minimum is None or number >= self.minimum)
            and (self.maximum is None or number <= self.maximum)
        )

    def expected(self) -> str:
        """What the field takes, in its own terms, with an example that fits."""
        bounds = (self.minimum is not None, self.maximum is not None)
        message = str(_NUMBER_MESSAGES[(self.whole, *bounds)])
        return message % {
            "minimum": self._written(self.minimum),
            "maximum": self._written(self.maximum),
            "example": self._written(self._example()),
        }

    def _example(self) -> float:
        for example in (1234, 12, 1) if self.whole else (-1234.5, 1234.5, 12.5, 0.5):
            if self.fits(example):
                return example
        low = self.minimum if self.minimum is not None else self.maximum
        return low if low is not None else 0

    def _written(self, number: float | None) -> str:
        if number is None:
            return ""
        return format_decimal(number, "#,##0" if self.whole else "#,##0.###")


#: (whole, has a minimum, has a maximum) → what a number field takes
_NUMBER_MESSAGES = {
    (False, False, False): _l("Enter a number, such as %(example)s."),
    (False, True, False): _l(
        "Enter a number of at least %(minimum)s, such as %(example)s."
    ),
    (False, False, True): _l(
        "Enter a number of at most %(maximum)s, such as %(example)s."
    ),
    (False, True, True): _l(
        "Enter a number from %(minimum)s to %(maximum)s, such as %(example)s."
    ),
    (True, False, False): _l("Enter a whole number in digits, such as %(example)s."),
    (True, True, False): _l(
        "Enter a whole number of at least %(minimum)s in digits, such as %(example)s."
    ),
    (True, False, True): _l(
        "Enter a whole number of at most %(maximum)s in digits, such as %(example)s."
    ),
    (True, True, True): _l(
        "Enter a whole number from %(minimum)s to %(maximum)s in digits, such "
        "as %(example)s."
    ),
}


def _parse_number(text: str) -> float | None:
    try:
        return float(parse_decimal(text, locale=get_locale(), strict=True))
    except NumberFormatError:
        return float(text) if _PLAIN_NUMBER.fullmatch(text) else None


def select_choices(pairs: Iterable[tuple[str, str]]) -> list[SelectChoice]:
    return [SelectChoice(value, text) for value, text in pairs]


def enum_choices(
    enum_class: type[Enum], leave_out: Collection[Enum] = ()
) -> list[SelectChoice]:
    """The members of one of the core's enums, labelled in the user's language;
    ``leave_out`` names members no longer offered (a page that shows a row
    holding one adds it back)."""
    return [
        SelectChoice(member.value, label(member))
        for member in enum_class
        if member not in leave_out
    ]


def optional_enum_choices(enum_class: type[Enum]) -> list[SelectChoice]:
    """The enum's members after a "none" choice whose value is empty."""
    return [*select_choices([("", "—")]), *enum_choices(enum_class)]


def optional_id_choices(pairs: Iterable[tuple[int, str]]) -> list[SelectChoice]:
    """Rows to pick from (id, text) after a "none" choice with id 0."""
    return select_choices([(0, "—"), *pairs])


def language_choices() -> list[SelectChoice]:
    return select_choices(LANGUAGE_NAMES.items())


def countries() -> list[SelectChoice]:
    """Every country after an empty "choose" entry: no country is assumed."""
    return select_choices([("", _("Choose a country")), *country_choices()])


#: a revision counts saves of one row: nine digits are plenty
_REVISION_DIGITS = 9


class CheckboxesField(SelectMultipleField):
    """Several options, shown as checkboxes."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class RevisionField(HiddenField):
    """The revision of the row the page showed (0: there was none yet). The
    save sends it back, so that it cannot overwrite a change someone made
    since (``app.revisions.check_seen``). Anything but a whole number is a
    ``TamperedForm``."""

    def process_formdata(self, valuelist):
        text = (valuelist[0] if valuelist else "") or "0"
        if not (text.isascii() and text.isdigit() and len(text) <= _REVISION_DIGITS):
            raise TamperedForm()
        self.data = int(text)

    def process_data(self, value):
        self.data = value or 0


class RevisionsField(HiddenField):
    """The revisions of the rows a page showed, by key: ``{key: revision}``,
    sent as JSON. Anything else (not JSON, not an object, a revision that is
    not a whole number) is a ``TamperedForm``."""

    def _value(self) -> str:
        return json.dumps(self.data or {})

    def process_formdata(self, valuelist):
        try:
            raw = json.loads(valuelist[0]) if valuelist else {}
        except ValueError:
            raise TamperedForm() from None
        if not isinstance(raw, dict) or not all(
            type(v) is int and 0 <= v < 10**_REVISION_DIGITS for v in raw.values()
        ):
            raise TamperedForm()
        self.data = raw

    def process_data(self, value):
        self.data = dict(value or {})


class ConfirmForm(Form):
    """A bare form whose only job is to carry the CSRF token of a button."""


class FormPerItem:
    """The forms of a page that repeats one form for several items (a decision
    per gate). Each is prefixed with its item, so field ids stay unique on the
    page. The form a post brought (``received``) comes back with its input and
    errors under its own item; every other item gets a blank one, so a refusal
    neither loses what was typed nor shows up under the wrong item."""

    def __init__(self, form_class: type[FlaskForm]):
        self._form_class = form_class
        self._received: tuple[object, FlaskForm] | None = None

    def received(self, item) -> FlaskForm:
        """The item's form, filled from the request that posted it."""
        form = self._form_class(prefix=str(item))
        self._received = (item, form)
        return form

    def __call__(self, item) -> FlaskForm:
        if self._received and self._received[0] == item:
            return self._received[1]
        return self._form_class(formdata=None, prefix=str(item))
