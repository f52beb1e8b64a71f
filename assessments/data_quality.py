"""How usable the customer data is for IDIC: are the key fields filled, is the
decision maker known, is the record still checked?

Decisions:

- The key fields are the ones the method names for identifying a customer:
  name, title, address, city, phone, e-mail, sector, strategic potential and
  lifecycle stage. A text field is filled when it holds more than spaces.
- A customer is *covered* when at least one contact is flagged as decision maker.
- A record is *stale* when it was never verified, or last verified more than
  365 days before the reference date.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

KEY_FIELDS = (
    "name",
    "title",
    "address",
    "city",
    "phone",
    "email",
    "sector",
    "strategic_potential",
    "lifecycle_stage",
)
STALE_AFTER_DAYS = 365


@dataclass(frozen=True)
class QualityReport:
    customers: int
    #: average share of key fields filled, 0–100
    completeness: float
    #: per key field, the share of customers who have it, 0–100
    fields: dict[str, float]
    #: customers with a known decision maker
    decision_makers: int
    stale: int

    @property
    def decision_maker_coverage(self) -> float:
        return _percent(self.decision_makers, self.customers)

    @property
    def stale_share(self) -> float:
        return _percent(self.stale, self.customers)

    def as_dict(self) -> dict:
        """Plain values, to store with a snapshot."""
        return {
            "customers": self.customers,
            "completeness": self.completeness,
            "fields": self.fields,
            "decision_makers": self.decision_makers,
            "decision_maker_coverage": self.decision_maker_coverage,
            "stale": self.stale,
            "stale_share": self.stale_share,
        }


def per_customer(
    customers: pd.DataFrame, decision_maker_ids: pd.Index, as_of: pd.Timestamp
) -> pd.DataFrame:
    """One row per customer (indexed like ``customers``): completeness 0–100,
    whether a decision maker is known, whether the record is stale."""
    return _per_customer(
        customers, _filled_fields(customers), decision_maker_ids, as_of
    )


def _per_customer(customers, filled, decision_maker_ids, as_of) -> pd.DataFrame:
    verified = pd.to_datetime(customers["last_verified_on"])
    return pd.DataFrame(
        {
            "completeness": (filled.mean(axis=1) * 100).round(1),
            "decision_maker": customers.index.isin(decision_maker_ids),
            "stale": verified.isna()
            | (verified < as_of - pd.Timedelta(days=STALE_AFTER_DAYS)),
        },
        index=customers.index,
    )


def report(
    customers: pd.DataFrame, decision_maker_ids: pd.Index, as_of: pd.Timestamp
) -> QualityReport:
    """The overall figures: the same rules as :func:`per_customer`, summed up."""
    filled = _filled_fields(customers)
    rows = _per_customer(customers, filled, decision_maker_ids, as_of)
    count = len(customers)
    return QualityReport(
        customers=count,
        completeness=_percent(int(filled.to_numpy().sum()), count * len(KEY_FIELDS)),
        fields={name: _percent(int(filled[name].sum()), count) for name in KEY_FIELDS},
        decision_makers=int(rows["decision_maker"].sum()),
        stale=int(rows["stale"].sum()),
    )


def _filled_fields(customers: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({name: _filled(customers[name]) for name in KEY_FIELDS})


def _filled(values: pd.Series) -> pd.Series:
    if pd.api.types.is_numeric_dtype(values):
        return values.notna()
    return values.notna() & values.astype("string").str.strip().ne("")


def _percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0
