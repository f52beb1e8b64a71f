"""An import's counts as sentences: what a check found the import *would* do,
before anything is saved, and what the import did. Counts are written the
reader's way ("23.570" in Turkish, "23,570" in English)."""

from __future__ import annotations

from collections.abc import Callable

from flask_babel import format_number, ngettext
from flask_babel import gettext as _

#: count → sentence; each is given the count and the count as written
_Texts = dict[str, Callable[[int, str], str]]

_DONE: _Texts = {
    "customers_created": lambda n, count: ngettext(
        "%(count)s customer created", "%(count)s customers created", n, count=count
    ),
    "customers_updated": lambda n, count: ngettext(
        "%(count)s customer updated", "%(count)s customers updated", n, count=count
    ),
    "customers_unchanged": lambda n, count: ngettext(
        "%(count)s customer unchanged", "%(count)s customers unchanged", n, count=count
    ),
    "contacts_created": lambda n, count: ngettext(
        "%(count)s contact created", "%(count)s contacts created", n, count=count
    ),
    "contacts_updated": lambda n, count: ngettext(
        "%(count)s contact updated", "%(count)s contacts updated", n, count=count
    ),
    "contacts_unchanged": lambda n, count: ngettext(
        "%(count)s contact unchanged", "%(count)s contacts unchanged", n, count=count
    ),
    "transactions_created": lambda n, count: ngettext(
        "%(count)s sale created", "%(count)s sales created", n, count=count
    ),
    "transactions_skipped": lambda n, count: ngettext(
        "%(count)s sale already there, skipped",
        "%(count)s sales already there, skipped",
        n,
        count=count,
    ),
    "complaints_created": lambda n, count: ngettext(
        "%(count)s complaint created", "%(count)s complaints created", n, count=count
    ),
    "complaints_skipped": lambda n, count: ngettext(
        "%(count)s complaint already there, skipped",
        "%(count)s complaints already there, skipped",
        n,
        count=count,
    ),
    "interactions_created": lambda n, count: ngettext(
        "%(count)s interaction created",
        "%(count)s interactions created",
        n,
        count=count,
    ),
    "interactions_skipped": lambda n, count: ngettext(
        "%(count)s interaction already there, skipped",
        "%(count)s interactions already there, skipped",
        n,
        count=count,
    ),
}

_PLANNED: _Texts = {
    "customers_created": lambda n, count: ngettext(
        "%(count)s customer will be created",
        "%(count)s customers will be created",
        n,
        count=count,
    ),
    "customers_updated": lambda n, count: ngettext(
        "%(count)s customer will be updated",
        "%(count)s customers will be updated",
        n,
        count=count,
    ),
    "customers_unchanged": lambda n, count: ngettext(
        "%(count)s customer stays unchanged",
        "%(count)s customers stay unchanged",
        n,
        count=count,
    ),
    "contacts_created": lambda n, count: ngettext(
        "%(count)s contact will be created",
        "%(count)s contacts will be created",
        n,
        count=count,
    ),
    "contacts_updated": lambda n, count: ngettext(
        "%(count)s contact will be updated",
        "%(count)s contacts will be updated",
        n,
        count=count,
    ),
    "contacts_unchanged": lambda n, count: ngettext(
        "%(count)s contact stays unchanged",
        "%(count)s contacts stay unchanged",
        n,
        count=count,
    ),
    "transactions_created": lambda n, count: ngettext(
        "%(count)s sale will be created",
        "%(count)s sales will be created",
        n,
        count=count,
    ),
    "transactions_skipped": lambda n, count: ngettext(
        "%(count)s sale already there, will be skipped",
        "%(count)s sales already there, will be skipped",
        n,
        count=count,
    ),
    "complaints_created": lambda n, count: ngettext(
        "%(count)s complaint will be created",
        "%(count)s complaints will be created",
        n,
        count=count,
    ),
    "complaints_skipped": lambda n, count: ngettext(
        "%(count)s complaint already there, will be skipped",
        "%(count)s complaints already there, will be skipped",
        n,
        count=count,
    ),
    "interactions_created": lambda n, count: ngettext(
        "%(count)s interaction will be created",
        "%(count)s interactions will be created",
        n,
        count=count,
    ),
    "interactions_skipped": lambda n, count: ngettext(
        "%(count)s interaction already there, will be skipped",
        "%(count)s interactions already there, will be skipped",
        n,
        count=count,
    ),
}


def count_texts(counts: dict[str, int], planned: bool = False) -> list[str]:
    """The counts as sentences, in a fixed order: what the import would do
    when ``planned`` (a check saves nothing, so its page may not say
    "created"), else what it did."""
    texts = _PLANNED if planned else _DONE
    found = [
        text(counts[key], format_number(counts[key]))
        for key, text in texts.items()
        if counts.get(key)
    ]
    return found or [_("nothing to change")]
