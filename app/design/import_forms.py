"""Forms of the customer-data import: the upload, and the columns and settings."""

from __future__ import annotations

from collections.abc import Mapping

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import SelectField, SubmitField
from wtforms.validators import DataRequired

from app.design.import_file import (
    DATE_FORMATS,
    DECIMALS,
    DELIMITERS,
    DETECT,
    ENCODINGS,
    FIELDS,
    KIND_FIELDS,
    REQUIRED,
    ImportRequest,
    Kind,
    Settings,
    names_decision_makers,
)
from app.forms import Form, select_choices

KIND_LABELS = {
    Kind.CUSTOMERS: _l("Customers (with contact persons)"),
    Kind.TRANSACTIONS: _l("Sales and returns (customer columns optional)"),
    Kind.COMPLAINTS: _l("Complaints"),
    Kind.INTERACTIONS: _l("Interactions (the contact log)"),
}
SETTINGS = ("encoding", "delimiter", "decimal", "date_format")


#: each setting's known values, value → how the user knows it
_KNOWN = {
    "encoding": ENCODINGS,
    "delimiter": DELIMITERS,
    "decimal": DECIMALS,
    "date_format": DATE_FORMATS,
}


def _options(known: Mapping):
    return select_choices([(DETECT, _l("Detect")), *known.items()])


def described(name: str, value: str | None) -> str:
    """A detected setting as the user knows it (e.g. "31.12.2025")."""
    return str(_KNOWN[name].get(value, value or ""))


class SettingsFields:
    """The kind of file and how to read it; each setting may be "detect"."""

    kind = SelectField(
        _l("The file holds"),
        choices=select_choices(KIND_LABELS.items()),
        default=Kind.CUSTOMERS.value,
    )
    encoding = SelectField(_l("Encoding"), choices=_options(ENCODINGS), default=DETECT)
    delimiter = SelectField(
        _l("Delimiter (CSV)"), choices=_options(DELIMITERS), default=DETECT
    )
    decimal = SelectField(
        _l("Numbers look like"), choices=_options(DECIMALS), default=DETECT
    )
    date_format = SelectField(
        _l("Dates look like"), choices=_options(DATE_FORMATS), default=DETECT
    )

    def detected(self, found: Mapping[str, str | None]) -> None:
        """Say under each setting left to "Detect" what detection found: in
        the select's own option it would be cut off where the select is
        narrow."""
        for name in SETTINGS:
            setting, value = getattr(self, name), found.get(name)
            if setting.data == DETECT and value:
                setting.description = _l(
                    "Found: %(found)s", found=described(name, value)
                )

    def settings(self) -> Settings:
        return Settings(**{name: getattr(self, name).data for name in SETTINGS})

    @property
    def chosen_kind(self) -> Kind:
        return Kind(self.kind.data)


class UploadForm(SettingsFields, Form):
    file = FileField(
        _l("File (CSV or Excel .xlsx)"),
        validators=[FileRequired(_l("Choose a file to import."))],
    )
    submit = SubmitField(_l("Upload and check the columns"))


class MappingForm(SettingsFields, Form):
    """Settings plus one select per field of the kind; built by mapping_form."""

    check = SubmitField(_l("Check the whole file"))

    def mapping(self) -> dict[str, str]:
        """Field → header, for the fields given a column."""
        return {
            name: self[f"map_{name}"].data
            for name in KIND_FIELDS[self.chosen_kind]
            if self[f"map_{name}"].data
        }

    def import_request(self) -> ImportRequest:
        """What the form asks to import, to hand to a job."""
        return ImportRequest(self.chosen_kind, self.settings(), self.mapping())

    def selections(self) -> dict[str, str]:
        """Every choice on the form, to draw it again on a later page."""
        return {f.name: f.data or "" for f in self if f.type == "SelectField"}

    def note_decision_makers(self) -> None:
        """Say under the contact's name when its column names the decision
        maker, so the import will store each person in it as one."""
        if names_decision_makers(self.mapping()):
            name = self["map_contact_name"]
            name.description = _l(
                "“%(column)s” names the decision maker: each person in it is "
                "stored as a contact who is the customer's decision maker.",
                column=name.data,
            )

    def mapping_fields(self):
        return [self[f"map_{name}"] for name in KIND_FIELDS[self.chosen_kind]]


class ConfirmImportForm(Form):
    submit = SubmitField(_l("Import"))


def known_kind(value: str | None) -> Kind:
    """The kind named in a request, customers when unknown."""
    return Kind(value) if value in {k.value for k in Kind} else Kind.CUSTOMERS


def mapping_form(kind: Kind, headers: list[str], **kwargs) -> MappingForm:
    """The mapping form of one kind of file with this file's headers."""
    choices = select_choices(
        [("", _l("— not in the file —")), *((h, h) for h in headers)]
    )

    class KindMappingForm(MappingForm):
        pass

    for name in KIND_FIELDS[kind]:
        validators = []
        if name in REQUIRED[kind]:
            validators = [DataRequired(_l("Choose the column that holds this."))]
        setattr(
            KindMappingForm,
            f"map_{name}",
            SelectField(FIELDS[name].label, choices=choices, validators=validators),
        )
    return KindMappingForm(**kwargs)
