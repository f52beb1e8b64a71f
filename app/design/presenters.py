"""Shapes stored analyses into what the charts draw, with translated labels."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.design import bp, exports
from app.i18n.labels import label
from app.questionnaires.results import CapabilitySummary
from assessments.data_quality import QualityReport
from assessments.questionnaire import Dimension
from assessments.snapshots import LOST, NEW, Movement
from assessments.value_groups import ValueGroup


@bp.app_template_global()
def group_short(key: str) -> str:
    """A value group's short name for tables and matrices: the method's
    acronyms, and "other", "new" and "lost" in the reader's language."""
    names = {NEW: _("New"), LOST: _("Lost"), ValueGroup.OTHER.value: _("Other")}
    return names.get(key) or key.upper()


@bp.app_template_global()
def group_migration(movement: Movement) -> tuple[list, list]:
    """The value-group migration matrix as (rows, column labels) for the chart:
    each row is (label of the group before, counts into each group after)."""
    matrix = movement.groups
    rows = [(group_short(key), matrix.loc[key].tolist()) for key in matrix.index]
    return rows, [group_short(key) for key in matrix.columns]


#: How the pages name a customer's fields.
FIELD_LABELS = {
    "name": _l("Name"),
    "title": _l("Trade title"),
    "address": _l("Address"),
    "city": _l("City"),
    "phone": _l("Phone"),
    "email": _l("E-mail"),
    "sector": _l("Sector"),
    "strategic_potential": _l("Strategic potential"),
    "lifecycle_stage": _l("Lifecycle stage"),
    "last_verified_on": _l("Last verified on"),
    "wallet_share": _l("Our share of their spend"),
}


@bp.app_template_global()
def field_rows(report: QualityReport) -> list[tuple[str, float, bool]]:
    """Bar-chart rows of the share filled per key field; gaps stand out."""
    return [
        (str(FIELD_LABELS[name]), share, share < 80)
        for name, share in report.fields.items()
    ]


@bp.app_template_global()
def capability_rows(capability: CapabilitySummary) -> list[tuple[str, float, bool]]:
    """Bar-chart rows of the IDIC steps; the weakest step stands out."""
    scored = [s.percent for s in capability.sections if s.percent is not None]
    weakest = min(scored, default=None)
    return [
        (s.title, s.percent, s.percent is not None and s.percent == weakest)
        for s in capability.sections
    ]


@bp.app_template_global()
def maturity_rows(profile: dict[Dimension, float | None]) -> list[tuple]:
    """Bar-chart rows of the maturity profile, in the dimensions' order."""
    return [(label(dimension), value, False) for dimension, value in profile.items()]


#: The other CSV dialect than the reader's language's, and its link's words.
_OTHER_CSV = {
    "en": ("tr", _l("CSV with semicolons (Turkish Excel)")),
    "tr": ("en", _l("CSV with commas (English Excel)")),
}


@bp.app_template_global()
def other_csv_export() -> tuple[str, str]:
    """The CSV dialect the export offers besides the reader's own, and the
    words of its link."""
    dialect, words = _OTHER_CSV[exports.default_dialect()]
    return dialect, str(words)
