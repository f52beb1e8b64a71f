"""Languages: which one a request speaks, and the labels of the core's codes.

The core (``assessments``) returns enums and codes; this module turns them into
English or Turkish text at the edge, for templates, forms and reports alike.
"""

from __future__ import annotations

from enum import Enum

from babel import Locale
from flask import Flask, current_app, request, session
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.models import CompanySize, SiteRole
from assessments.progress import Phase, PhaseStatus, Step
from assessments.roles import Role

#: Flashed when a signed-out visitor opens a page that needs an account.
SIGN_IN_FIRST = _l("Sign in to see this page.")

#: Each language named in itself, as a language switch should show it.
LANGUAGE_NAMES = {"en": "English", "tr": "Türkçe"}

_LABELS: dict[Enum, object] = {
    Role.CONSULTANT: _l("Consultant"),
    Role.TEAM: _l("Project team"),
    Role.SPONSOR: _l("Sponsor"),
    SiteRole.ADMIN: _l("Administrator"),
    SiteRole.CONSULTANT: _l("Consultant"),
    SiteRole.MEMBER: _l("Client member"),
    CompanySize.MICRO: _l("Micro (under 10 employees)"),
    CompanySize.SMALL: _l("Small (10–49 employees)"),
    CompanySize.MEDIUM: _l("Medium (50–249 employees)"),
    CompanySize.LARGE: _l("Large (250 employees or more)"),
    Phase.PREPARATION: _l("Preparation"),
    Phase.PLANNING: _l("Planning"),
    Phase.DESIGN: _l("Design"),
    Phase.IMPLEMENTATION: _l("Implementation"),
    PhaseStatus.NOT_STARTED: _l("Not started"),
    PhaseStatus.IN_PROGRESS: _l("In progress"),
    PhaseStatus.COMPLETE: _l("Complete"),
    Step.INVITE_SPONSOR: _l("Invite the sponsor"),
    Step.INVITE_TEAM: _l("Invite the project team"),
}


#: One sentence per phase for its dashboard tile.
_PHASE_PURPOSES = {
    Phase.PREPARATION: _l(
        "Decide whether the company is ready: its need, its motivation, the backing"
        " of top management, its openness to change, and the project organisation."
    ),
    Phase.PLANNING: _l(
        "Workshops that turn questions about the market, the customers and the"
        " company into strategies, a CRM vision, goals and measures."
    ),
    Phase.DESIGN: _l(
        "Identify, differentiate, interact, customize: the customer data, its value"
        " groups and how customers move between analyses."
    ),
    Phase.IMPLEMENTATION: _l(
        "The gap analysis, the transition plan and the balanced scorecard that"
        " tracks the goals."
    ),
}


def phase_purpose(phase: Phase) -> str:
    """What a phase is for, in one sentence."""
    return str(_PHASE_PURPOSES[phase])


def label(code: Enum) -> str:
    """The translated label of one of the core's codes."""
    return str(_LABELS[code])


def select_locale() -> str:
    """The signed-in user's language, else the visitor's choice, else the browser's."""
    languages = current_app.config["LANGUAGES"]
    if current_user and current_user.is_authenticated:
        return current_user.language
    if session.get("language") in languages:
        return session["language"]
    return request.accept_languages.best_match(languages) or "en"


def country_choices() -> list[tuple[str, str]]:
    """ISO country codes with their names in the current language, sorted by name."""
    territories = Locale.parse(str(get_locale())).territories
    countries = [
        (code, name)
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in {"ZZ", "EU", "UN", "EZ"}
    ]
    return sorted(countries, key=lambda item: item[1])


def country_name(code: str) -> str:
    """A country's name in the current language."""
    return Locale.parse(str(get_locale())).territories.get(code, code)


def register_template_helpers(app: Flask) -> None:
    """Make labels and language names available to every template."""
    app.jinja_env.globals.update(
        label=label,
        phase_purpose=phase_purpose,
        country_name=country_name,
        LANGUAGE_NAMES=LANGUAGE_NAMES,
    )
    app.jinja_env.globals["current_language"] = lambda: str(get_locale())
