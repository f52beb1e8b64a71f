"""Which currencies a company may keep its figures in, their names in the
reader's language, and which one a country pays in."""

from __future__ import annotations

from functools import cache

import pycountry
from babel import Locale
from babel.core import get_global
from babel.numbers import get_currency_name, get_territory_currencies, list_currencies
from flask_babel import get_locale

#: When nothing better is known: the product's first clients work in Europe.
FALLBACK_CURRENCY = "EUR"


@cache
def current_currencies() -> frozenset[str]:
    """The ISO 4217 codes some country pays in today (no ECU, no Deutsche
    Mark, no funds codes): the ones worth offering. Cached for the process;
    a country changes its currency far less often than the app restarts."""
    in_use = {
        code
        for country in pycountry.countries
        for code in get_territory_currencies(country.alpha_2)
    }
    return frozenset(in_use & list_currencies())


def currency_choices(kept: str | None = None) -> list[tuple[str, str]]:
    """Today's currencies, "Turkish Lira (TRY)", named in the current language
    and sorted by name; ``kept`` (an engagement's own, perhaps since given up
    by its country) stays on offer so that saving other details keeps it."""
    codes = set(current_currencies())
    if kept in list_currencies():
        codes.add(kept)
    locale = str(get_locale())
    names = [(code, get_currency_name(code, locale=locale)) for code in codes]
    return sorted(
        ((code, f"{name} ({code})") for code, name in names),
        key=lambda item: item[1],
    )


def country_currency(country: str | None) -> str | None:
    """The currency a country pays in today (its first legal tender), or None
    for no country, or one without a currency of its own."""
    currencies = get_territory_currencies(country) if country else []
    return currencies[0] if currencies else None


@cache
def currencies_by_country() -> dict[str, str]:
    """Each country's currency of today, for a form whose currency follows
    the country chosen (countries without one of their own left out)."""
    pairs = ((c.alpha_2, country_currency(c.alpha_2)) for c in pycountry.countries)
    return {country: code for country, code in pairs if code}


def default_currency(country: str | None) -> str:
    """The currency a new engagement most likely keeps its figures in: its
    country's, else that of the reader's language's usual country (Turkish:
    Turkey), else the euro."""
    locale = Locale.parse(str(get_locale()))
    territory = locale.territory or _likely_territory(locale.language)
    return country_currency(country) or country_currency(territory) or FALLBACK_CURRENCY


def _likely_territory(language: str) -> str | None:
    """Where a language is most spoken, by CLDR's likely subtags (tr → TR)."""
    likely = get_global("likely_subtags").get(language)
    return Locale.parse(likely).territory if likely else None
