"""Steps the tests of every questionnaire's pages share, as a browser takes them:
start a take, post its sections, complete it; and the checks that completing
too early keeps the take open and that a second save does not silently
overwrite the first. ``base`` is the URL of the questionnaire's
pages, e.g. /engagements/1/preparation."""

import html
import json
import re
from collections.abc import Iterable

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.extensions import db
from app.models import Answer, QuestionnaireTake


def take_of(location: str) -> int:
    """The take id in a redirect to one of its pages."""
    return int(location.split("/takes/")[1].split("/")[0])


def start(client: FlaskClient, base: str):
    """Start a take; returns the redirect, to its first section."""
    response = client.post(f"{base}/takes")
    assert response.status_code == 302
    return response


def post_sections(
    client: FlaskClient, base: str, take_id: int, posts: Iterable[tuple[str, dict]]
) -> None:
    """Save each (section id, form data); every save goes on to another page."""
    for section_id, data in posts:
        response = client.post(f"{base}/takes/{take_id}/{section_id}", data=data)
        assert response.status_code == 302, response.text[:500]


def complete(client: FlaskClient, base: str, take_id: int):
    return client.post(f"{base}/takes/{take_id}/complete")


def check_completion_names_what_is_missing_and_keeps_the_take_open(
    app: Flask, client: FlaskClient, base: str, take_id: int
) -> None:
    """Completing a take with required questions unanswered goes back to the
    questionnaire's page, says so, and leaves the take open."""
    response = complete(client, base, take_id)
    assert response.location.endswith(f"{base}/")
    assert (
        "required questions are still unanswered" in client.get(response.location).text
    )
    with app.app_context():
        assert db.session.get(QuestionnaireTake, take_id).completed_at is None


def stored_answers(app: Flask, take_id: int) -> dict:
    """The take's stored answer values by question id."""
    with app.app_context():
        return {
            a.question_id: a.value
            for a in db.session.scalars(select(Answer).where(Answer.take_id == take_id))
        }


def check_a_second_save_does_not_overwrite_the_first(
    app: Flask, client: FlaskClient, url: str, take_id: int, question: str, other: str
) -> None:
    """Two people open the section at ``url``; ``question`` and ``other`` are
    1–5 scale questions of it, unanswered yet."""
    opened_by_both = json.dumps({})
    # The first person saves 4 ...
    client.post(url, data={"seen": opened_by_both, question: "4"})
    # ... the second, who opened the form before that save, sends 2.
    response = client.post(
        url, data={"seen": opened_by_both, question: "2", other: "5"}
    )
    assert response.status_code == 409  # a client or a script can tell
    assert "Someone else changed these answers" in response.text
    assert "4 / 5" in response.text and "2 / 5" in response.text
    stored = stored_answers(app, take_id)
    assert stored[question] == 4  # the first save stands
    assert stored[other] == 5  # the rest of the section is saved
    # Sending again from the conflict page is a deliberate overwrite.
    client.post(url, data={"seen": seen_on(response.text), question: "2", other: "5"})
    with app.app_context():
        answer = db.session.scalar(
            select(Answer).where(
                Answer.take_id == take_id, Answer.question_id == question
            )
        )
        assert (answer.value, answer.revision) == (2, 2)


def seen_on(page: str) -> str:
    """The revisions a page's form carries: what its next save writes over."""
    return html.unescape(re.search(r'name="seen"[^>]*value="([^"]*)"', page)[1])
