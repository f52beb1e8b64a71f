"""The generic questionnaire pages through the test client, on the IDIC
capability questionnaire: start → answer → conflict → complete → result →
re-take → compare; roles and the questionnaires they may reach; the capability
summary and the maturity profile the design pages show."""

import re

import pytest

from app.extensions import db
from app.models import Engagement, SiteRole
from app.questionnaires import results as services
from assessments.questionnaire import DEFINITIONS, Category, Dimension, Kind, load
from assessments.roles import Role
from assessments.scoring import score
from tests.preparation_answers import PREPARATION, answer_as
from tests.preparation_answers import form_posts as preparation_posts
from tests.questionnaire_helpers import (
    check_a_second_save_does_not_overwrite_the_first,
    check_completion_names_what_is_missing_and_keeps_the_take_open,
    post_sections,
    stored_answers,
    take_of,
)
from tests.questionnaire_helpers import complete as complete_take
from tests.questionnaire_helpers import start as start_take

IDIC = load(DEFINITIONS / "idic.yaml")


def base(engagement_id: int, questionnaire: str = "idic") -> str:
    return f"/engagements/{engagement_id}/questionnaires/{questionnaire}"


def start(client, engagement_id) -> int:
    response = start_take(client, base(engagement_id))
    assert response.location.endswith("/identify")
    return take_of(response.location)


def section_post(section_id: str, scale: int, yes_no: str, **extra) -> dict:
    """A whole section answered alike, as a browser would post it."""
    data = {"seen": "{}", "save": "1", **extra}
    for question in IDIC.section(section_id).questions:
        data[question.id] = str(scale) if question.kind == Kind.SCALE else yes_no
    return data


#: identify at its best, differentiate at its worst, the rest in between
ANSWERS = {
    "identify": (5, "yes"),
    "differentiate": (1, "no"),
    "interact": (3, "yes"),
    "customize": (3, "no"),
}


def answer_everything(client, engagement_id, take_id, answers=ANSWERS) -> None:
    posts = [
        (section_id, section_post(section_id, scale, yes_no))
        for section_id, (scale, yes_no) in answers.items()
    ]
    post_sections(client, base(engagement_id), take_id, posts)


def complete(client, engagement_id, take_id):
    return complete_take(client, base(engagement_id), take_id)


def test_a_take_starts_at_the_first_section_and_shows_its_progress(client, engagement):
    index = client.get(f"{base(engagement)}/").text
    assert "This questionnaire has not been started yet." in index
    assert "Start the questionnaire" in index
    take_id = start(client, engagement)
    page = client.get(f"{base(engagement)}/takes/{take_id}/identify").text
    assert "Identify customers" in page
    assert "Take 1" in page
    assert 'aria-label="Design"' in page  # inside the design phase's layout
    index = client.get(f"{base(engagement)}/").text
    assert "0 of 8 answered" in index
    # A second take waits until the first is complete.
    response = client.post(f"{base(engagement)}/takes", follow_redirects=True)
    assert "Finish the current take before starting another." in response.text


def test_completion_names_what_is_missing_and_keeps_the_take_open(
    app, client, engagement
):
    take_id = start(client, engagement)
    check_completion_names_what_is_missing_and_keeps_the_take_open(
        app, client, base(engagement), take_id
    )


def test_saving_a_section_goes_on_to_the_next(app, client, engagement):
    take_id = start(client, engagement)
    response = client.post(
        f"{base(engagement)}/takes/{take_id}/identify",
        data=section_post("identify", 4, "yes", save_and_next="1"),
    )
    assert response.status_code == 302
    assert response.location.endswith(f"/takes/{take_id}/differentiate")
    page = client.get(f"{base(engagement)}/takes/{take_id}/identify").text
    assert "Answered by Deniz Aydın" in page
    assert "8 of 8 answered" in client.get(f"{base(engagement)}/").text
    stored = stored_answers(app, take_id)
    assert stored["identify_one_record"] == 4
    assert stored["identify_decision_maker"] == "yes"


def test_a_second_save_does_not_silently_overwrite_the_first(app, client, engagement):
    take_id = start(client, engagement)
    check_a_second_save_does_not_overwrite_the_first(
        app,
        client,
        f"{base(engagement)}/takes/{take_id}/interact",
        take_id,
        "interact_channels",
        "interact_history",
    )


def test_the_result_shows_the_score_of_each_section_and_the_maturity_profile(
    client, engagement
):
    take_id = start(client, engagement)
    answer_everything(client, engagement, take_id)
    response = complete(client, engagement, take_id)
    assert response.location.endswith(f"/takes/{take_id}/result")
    page = client.get(response.location).text
    assert "The questionnaire is complete." in page
    assert "Score per section" in page
    for title, percent in [
        ("Identify customers", "100%"),
        ("Differentiate customers", "0%"),
        ("Interact with customers", "58.3%"),  # 5 × 0.5 + 1 of 6
        ("Customize", "41.7%"),  # 5 × 0.5 + 0 of 6
    ]:
        assert re.search(
            rf">{title}</text>.*?>{re.escape(percent)}</text>", page, re.DOTALL
        ), title
    assert "<svg" in page
    assert "Maturity profile" in page and "Customer knowledge" in page
    # Completed: read-only, and the index offers a re-take.
    section = client.get(f"{base(engagement)}/takes/{take_id}/identify").text
    assert "complete, read-only" in section
    assert "Start a re-assessment" in client.get(f"{base(engagement)}/").text
    assert (
        client.post(
            f"{base(engagement)}/takes/{take_id}/identify",
            data=section_post("identify", 1, "no"),
        ).status_code
        == 403
    )


def test_a_retake_is_compared_with_the_take_before(client, engagement):
    first = start(client, engagement)
    answer_everything(client, engagement, first)
    complete(client, engagement, first)
    assert client.get(f"{base(engagement)}/takes/{first}/compare").status_code == 404
    second = start(client, engagement)
    answer_everything(
        client, engagement, second, ANSWERS | {"differentiate": (5, "yes")}
    )
    complete(client, engagement, second)
    result = client.get(f"{base(engagement)}/takes/{second}/result").text
    assert "Compare with take 1" in result
    page = client.get(f"{base(engagement)}/takes/{second}/compare").text
    assert "Take 1 and take 2 side by side" in page
    assert "+100.0" in page
    assert "We know which customers buy more from our competitors than from us." in page
    assert "Identify customers" in page
    index = client.get(f"{base(engagement)}/").text
    assert "Earlier takes" in index
    assert client.get(f"{base(engagement)}/result").location.endswith(
        f"/takes/{second}/result"
    )


@pytest.mark.parametrize("questionnaire", ["nonsense", "preparation", "planning"])
def test_a_questionnaire_without_generic_pages_is_404(
    client, engagement, questionnaire
):
    url = base(engagement, questionnaire)
    assert client.get(f"{url}/").status_code == 404
    assert client.post(f"{url}/takes").status_code == 404
    assert client.get(f"{url}/result").status_code == 404


def test_a_take_of_another_questionnaire_is_404_through_these_pages(client, engagement):
    response = client.post(f"/engagements/{engagement}/preparation/takes")
    url = f"{base(engagement)}/takes/{take_of(response.location)}"
    assert client.get(f"{url}/identify").status_code == 404
    assert client.get(f"{url}/need").status_code == 404
    assert client.post(f"{url}/need", data={"seen": "{}"}).status_code == 404
    assert client.post(f"{url}/complete").status_code == 404
    assert client.get(f"{url}/result").status_code == 404
    assert client.get(f"{url}/compare").status_code == 404
    # ... and the idic take is not the preparation's either.
    idic_take = start(client, engagement)
    prep = f"/engagements/{engagement}/preparation/takes/{idic_take}"
    assert client.get(f"{prep}/identify").status_code == 404
    assert client.get(f"{prep}/result").status_code == 404


def test_an_unknown_section_is_404(client, engagement):
    take_id = start(client, engagement)
    assert client.get(f"{base(engagement)}/takes/{take_id}/nowhere").status_code == 404


def test_a_sponsor_reads_but_cannot_answer(client, auth, factory, engagement):
    take_id = start(client, engagement)
    sponsor = factory.user("sponsor@example.com", site_role=SiteRole.MEMBER)
    factory.member(engagement, sponsor, Role.SPONSOR)
    auth.logout()
    auth.login("sponsor@example.com")
    index = client.get(f"{base(engagement)}/")
    assert index.status_code == 200
    assert "Mark the questionnaire complete" not in index.text
    page = client.get(f"{base(engagement)}/takes/{take_id}/identify").text
    assert "read-only for your role" in page
    assert "Save section" not in page
    url = f"{base(engagement)}/takes/{take_id}"
    assert client.post(f"{base(engagement)}/takes").status_code == 403
    assert (
        client.post(
            f"{url}/identify", data=section_post("identify", 5, "yes")
        ).status_code
        == 403
    )
    assert client.post(f"{url}/complete").status_code == 403
    assert client.get(f"{url}/result").status_code == 200


def test_the_team_may_answer(client, auth, factory, engagement):
    member = factory.user("team@example.com", "Ekip Üyesi", site_role=SiteRole.MEMBER)
    factory.member(engagement, member, Role.TEAM)
    auth.logout()
    auth.login("team@example.com")
    take_id = start(client, engagement)
    answer_everything(client, engagement, take_id)
    assert complete(client, engagement, take_id).location.endswith("/result")


def test_an_outsider_gets_404(client, auth, factory, engagement):
    take_id = start(client, engagement)
    factory.user("outsider@example.com")
    auth.logout()
    auth.login("outsider@example.com")
    assert client.get(f"{base(engagement)}/").status_code == 404
    assert client.get(f"{base(engagement)}/takes/{take_id}/result").status_code == 404


# --- what the design pages show ----------------------------------------------


def engagement_row(engagement_id: int) -> Engagement:
    return db.session.get(Engagement, engagement_id)


def test_the_capability_summary_is_the_latest_completed_idic_take(
    app, client, engagement
):
    with app.test_request_context():
        assert services.capability_summary(engagement_row(engagement)) is None
    take_id = start(client, engagement)
    answer_everything(client, engagement, take_id)
    with app.test_request_context():
        assert services.capability_summary(engagement_row(engagement)) is None
    complete(client, engagement, take_id)
    with app.test_request_context(headers={"Accept-Language": "tr"}):
        summary = services.capability_summary(engagement_row(engagement))
        assert summary.take.id == take_id
        assert summary.completed_at is not None
        assert [(s.id, s.title, s.percent) for s in summary.sections] == [
            ("identify", "Müşterileri tanımlama", 100.0),
            ("differentiate", "Müşterileri farklılaştırma", 0.0),
            ("interact", "Müşterilerle etkileşim", 58.3),
            ("customize", "Kişiselleştirme", 41.7),
        ]
        assert summary.percent("interact") == 58.3
        assert set(summary.dimensions) == set(Dimension)
    # An open re-take does not replace the completed one.
    start(client, engagement)
    with app.test_request_context():
        summary = services.capability_summary(engagement_row(engagement))
        assert summary.take.id == take_id
        assert summary.sections[0].title == "Identify customers"


def test_the_maturity_profile_averages_preparation_and_idic(app, client, engagement):
    with app.app_context():
        empty = services.maturity_profile(engagement_row(engagement))
    assert empty == {dimension: None for dimension in Dimension}

    answers = answer_as(Category.STRATEGIC_THINKER)
    preparation = f"/engagements/{engagement}/preparation"
    preparation_take = take_of(start_take(client, preparation).location)
    post_sections(client, preparation, preparation_take, preparation_posts(answers))
    complete_take(client, preparation, preparation_take)
    expected_preparation = score(PREPARATION, answers).dimensions
    with app.app_context():
        only_preparation = services.maturity_profile(engagement_row(engagement))
    assert only_preparation == {d: expected_preparation[d].value for d in Dimension}

    take_id = start(client, engagement)
    everything_best = dict.fromkeys(ANSWERS, (5, "yes"))
    answer_everything(client, engagement, take_id, everything_best)
    complete(client, engagement, take_id)
    with app.app_context():
        profile = services.maturity_profile(engagement_row(engagement))
    for dimension in Dimension:
        before = expected_preparation[dimension].value
        expected = 100.0 if before is None else round((before + 100.0) / 2, 1)
        assert profile[dimension] == expected, dimension
