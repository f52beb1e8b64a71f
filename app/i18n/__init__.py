"""Languages at the edge: ``locale`` (which one a request speaks), ``labels``
(the core's codes and the method's messages in words), ``numbers`` (figures,
amounts, percents and periods the reader's way), ``currencies`` (which ones
an engagement may keep its figures in)."""

from __future__ import annotations

from flask import Flask
from flask_babel import get_locale

from app.i18n.labels import (
    announcement_message,
    category_advice,
    category_meaning,
    finding_message,
    flag_action,
    flag_label,
    group_label,
    label,
    member_role,
    obstacle_message,
    phase_purpose,
    seat_message,
)
from app.i18n.locale import (
    LANGUAGE_NAMES,
    country_name,
    lower_case,
    page_to_return_to,
)
from app.i18n.numbers import money, percent, period_label, with_unit
from assessments.scorecard import ComputedMeasure, Status


def register_template_helpers(app: Flask) -> None:
    """Make labels and language names available to every template."""
    app.jinja_env.globals.update(
        label=label,
        member_role=member_role,
        phase_purpose=phase_purpose,
        flag_action=flag_action,
        flag_label=flag_label,
        group_label=group_label,
        category_meaning=category_meaning,
        category_advice=category_advice,
        finding_message=finding_message,
        announcement_message=announcement_message,
        seat_message=seat_message,
        obstacle_message=obstacle_message,
        country_name=country_name,
        LANGUAGE_NAMES=LANGUAGE_NAMES,
        page_to_return_to=page_to_return_to,
        period_label=period_label,
        computed=ComputedMeasure,
        statuses=list(Status),
    )
    app.jinja_env.globals["current_language"] = lambda: str(get_locale())
    app.jinja_env.filters["label"] = label
    app.jinja_env.filters["percent"] = percent
    app.jinja_env.filters["with_unit"] = with_unit
    app.jinja_env.filters["money"] = money
    app.jinja_env.filters["lower"] = lower_case
