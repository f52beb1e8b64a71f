"""Which language a request speaks, the names of languages and countries, and
where the language switch returns to."""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo, available_timezones

import pycountry
from babel import Locale
from flask import current_app, g, request, session, url_for
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user

#: Flashed when a signed-out visitor opens a page that needs an account.
SIGN_IN_FIRST = _l("Sign in to see this page.")

#: Each language named in itself, as a language switch should show it.
LANGUAGE_NAMES = {"en": "English", "tr": "Türkçe"}


#: The regions whose zones a consultant chooses from (the others are aliases).
_ZONE_REGIONS = (
    "Africa",
    "America",
    "Antarctica",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
)


def local_today() -> date:
    """Today where the engagement works (its time zone, else the product's,
    BABEL_DEFAULT_TIMEZONE), not on the server's clock: just after midnight
    in Istanbul the server's UTC date is still yesterday."""
    return datetime.now(ZoneInfo(select_timezone())).date()


def today_of(engagement) -> date:
    """Today where this engagement works, outside a request (in a worker)."""
    zone = engagement.time_zone or current_app.config["BABEL_DEFAULT_TIMEZONE"]
    return datetime.now(ZoneInfo(zone)).date()


def select_timezone() -> str:
    """The time zone of the engagement the request is about, else the
    product's: dates of events are checked, and times shown, where the
    client company works."""
    membership = g.get("membership")
    zone = membership.engagement.time_zone if membership else None
    return zone or current_app.config["BABEL_DEFAULT_TIMEZONE"]


def time_zone_choices() -> list[tuple[str, str]]:
    """Every region/city time zone, by name."""
    return [
        (name, name.replace("_", " "))
        for name in sorted(available_timezones())
        if name.split("/")[0] in _ZONE_REGIONS and "/" in name
    ]


def select_locale() -> str:
    """The signed-in user's language, else the visitor's choice, else the browser's."""
    languages = current_app.config["LANGUAGES"]
    if current_user and current_user.is_authenticated:
        return current_user.language
    if session.get("language") in languages:
        return session["language"]
    return request.accept_languages.best_match(languages) or "en"


def country_choices() -> list[tuple[str, str]]:
    """The ISO 3166-1 countries (pycountry's list: no pseudo-locales, no
    regions or islands Babel also names) with their names in the current
    language, sorted by name."""
    territories = Locale.parse(str(get_locale())).territories
    countries = [
        (country.alpha_2, territories.get(country.alpha_2, country.name))
        for country in pycountry.countries
    ]
    return sorted(countries, key=lambda item: item[1])


def country_name(code: str) -> str:
    """A country's name in the current language."""
    return Locale.parse(str(get_locale())).territories.get(code, code)


def page_to_return_to() -> str:
    """Where the language switch brings the user back: this page; or, when
    this page answers a refused form (its address only takes posts), the page
    the form was on, so switching never lands on "method not allowed"."""
    if request.method == "GET":
        return request.full_path
    referrer = urlsplit(request.referrer or "")
    if referrer.netloc == request.host and referrer.path.startswith("/"):
        return urlunsplit(("", "", referrer.path, referrer.query, ""))
    return url_for("engagements.index")


#: Turkish dotted and dotless i: "I" lowers to "ı" and "İ" to "i", where
#: Python's lower() would give "i" and "i̇" (an i with a second dot)
_TURKISH_LOWER = str.maketrans({"I": "ı", "İ": "i"})


def lower_case(text: object) -> str:
    """Text in lower case by the reader's language, for a label set inside a
    sentence ("3 onaylandı, 1 iptal edildi")."""
    text = str(text)
    if str(get_locale()) == "tr":
        text = text.translate(_TURKISH_LOWER)
    return text.lower()
