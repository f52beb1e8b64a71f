"""Two analyses of the same company compared: who moved where.

Customers are matched by their id. One present only in the later analysis is
*new*, one present only in the earlier is *lost*. Value groups are ranked
BZ < other < MGC < MVC; a customer whose group rank rises moved *up*.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from assessments.value_groups import ValueGroup

#: Rows and columns of a migration matrix for those missing on one side.
NEW, LOST = "new", "lost"
GROUP_RANK = {
    ValueGroup.BZ.value: 0,
    ValueGroup.OTHER.value: 1,
    ValueGroup.MGC.value: 2,
    ValueGroup.MVC.value: 3,
}


@dataclass(frozen=True)
class Movement:
    #: value groups: rows before (plus "new"), columns after (plus "lost")
    groups: pd.DataFrame
    #: RF cells, the same way
    rf_cells: pd.DataFrame
    moved_up: tuple[str, ...]
    moved_down: tuple[str, ...]
    new: int
    lost: int


def compare(before: pd.DataFrame, after: pd.DataFrame) -> Movement:
    """Compare two per-customer analyses indexed by customer."""
    joined = (
        before[["value_group", "rf_cell"]]
        .add_suffix("_before")
        .join(after[["value_group", "rf_cell"]].add_suffix("_after"), how="outer")
    )
    for column, fill in (("_before", NEW), ("_after", LOST)):
        for name in ("value_group", "rf_cell"):
            joined[name + column] = joined[name + column].astype("object").fillna(fill)
    rank_before = joined["value_group_before"].map(GROUP_RANK)
    rank_after = joined["value_group_after"].map(GROUP_RANK)
    both = rank_before.notna() & rank_after.notna()
    groups = [*GROUP_RANK]
    cells = sorted(set(before["rf_cell"]) | set(after["rf_cell"]))
    return Movement(
        groups=_matrix(joined, "value_group", groups),
        rf_cells=_matrix(joined, "rf_cell", cells),
        moved_up=tuple(joined.index[both & (rank_after > rank_before)].astype(str)),
        moved_down=tuple(joined.index[both & (rank_after < rank_before)].astype(str)),
        new=int((joined["value_group_before"] == NEW).sum()),
        lost=int((joined["value_group_after"] == LOST).sum()),
    )


def _matrix(joined: pd.DataFrame, name: str, values: list[str]) -> pd.DataFrame:
    """Counts of customers from each value before to each value after."""
    return pd.crosstab(joined[name + "_before"], joined[name + "_after"]).reindex(
        index=[*values, NEW], columns=[*values, LOST], fill_value=0
    )
