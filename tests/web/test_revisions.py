"""No lost answer: of two saves of the same thing at the same moment, exactly
one wins and the other is told, with the loser's text kept. Each test lets
another writer commit between a save's check and its write, the moment a
check-then-write would lose an update; the first-time answers race into the
unique constraint, which must become the same conflict, never a 500."""

from datetime import date

import pytest
from sqlalchemy import insert, select, update

from app import revisions
from app.extensions import db
from app.models import Answer, GuideAnswer, MeasureValue, WorkPackage
from app.models.columns import utcnow
from app.questionnaires import takes
from app.refusals import Refusal
from assessments.roles import Role
from tests.questionnaire_helpers import start, stored_answers, take_of
from tests.races import another_writer_before

IDIC = "/engagements/{}/questionnaires/idic"


@pytest.fixture
def colleague(factory, engagement) -> int:
    """A second consultant of the engagement, the other writer."""
    user_id = factory.user("ece@example.com", "Ece Yıldız")
    factory.member(engagement, user_id, Role.CONSULTANT)
    return user_id


def an_answer(take_id: int, question_id: str, value, user_id: int) -> dict:
    return {
        "take_id": take_id,
        "question_id": question_id,
        "value": value,
        "answered_by_id": user_id,
        "answered_at": utcnow(),
    }


def test_a_first_answer_saved_at_the_same_moment_is_a_conflict_not_a_500(
    app, client, engagement, colleague, monkeypatch
):
    base = IDIC.format(engagement)
    take_id = take_of(start(client, base).location)
    another_writer_before(
        monkeypatch,
        takes,
        "_store",
        lambda c: c.execute(
            insert(Answer).values(an_answer(take_id, "interact_channels", 4, colleague))
        ),
    )
    response = client.post(
        f"{base}/takes/{take_id}/interact",
        data={"seen": "{}", "interact_channels": "2", "interact_history": "5"},
    )
    assert response.status_code == 409
    assert "Someone else changed these answers" in response.text
    assert "Ece Yıldız" in response.text
    stored = stored_answers(app, take_id)
    assert stored["interact_channels"] == 4  # the one that got there first
    assert stored["interact_history"] == 5  # nobody else touched it: saved


def test_a_change_saved_at_the_same_moment_is_not_overwritten(
    app, client, engagement, colleague, monkeypatch
):
    base = IDIC.format(engagement)
    take_id = take_of(start(client, base).location)
    url = f"{base}/takes/{take_id}/interact"
    client.post(url, data={"seen": "{}", "interact_channels": "3"})
    another_writer_before(
        monkeypatch,
        takes,
        "_store",
        lambda c: c.execute(
            update(Answer)
            .where(Answer.question_id == "interact_channels")
            .values(value=5, revision=2, answered_by_id=colleague)
        ),
    )
    response = client.post(
        url, data={"seen": '{"interact_channels": 1}', "interact_channels": "1"}
    )
    assert response.status_code == 409
    assert "Someone else changed these answers" in response.text
    with app.app_context():
        answer = db.session.scalar(select(Answer))
        assert (answer.value, answer.revision) == (5, 2)


def test_the_revision_check_is_in_the_update_itself(app, factory, engagement):
    """A write over a revision it did not read fails in the database, and
    the commit turns that into the refusal the pages explain."""
    rows = factory.phase_rows(engagement, factory.user("x@example.com", "X"))
    with app.app_context():
        package = db.session.get(WorkPackage, rows["package_id"])
        with db.engine.begin() as other:
            other.execute(update(WorkPackage).values(title="Theirs", revision=2))
        package.title = "Mine"
        with pytest.raises(Refusal) as refused:
            revisions.commit()
        assert refused.value.code == "changed"
        assert db.session.get(WorkPackage, rows["package_id"]).title == "Theirs"


def test_a_guide_answer_saved_meanwhile_comes_back_as_a_409_with_theirs(
    app, client, engagement, colleague, monkeypatch
):
    url = f"/engagements/{engagement}/planning/answers/market_trends"
    as_json = {"Accept": "application/json"}
    first = client.post(
        url, data={"notes": "Mine, first.", "revision": "0"}, headers=as_json
    )
    assert first.json["saved"] is True and first.json["revision"] == 1
    another_writer_before(
        monkeypatch,
        revisions,
        "commit",
        lambda c: c.execute(
            update(GuideAnswer).values(
                notes="Ece's notes.",
                agreed="Ece's answer.",
                revision=2,
                updated_by_id=colleague,
            )
        ),
    )
    response = client.post(
        url, data={"notes": "Mine, second.", "revision": "1"}, headers=as_json
    )
    assert response.status_code == 409
    assert response.json["conflict"] == {
        **response.json["conflict"],
        "notes": "Ece's notes.",
        "agreed": "Ece's answer.",
        "by": "Ece Yıldız",
        "revision": 2,
    }
    # Saving again over revision 2 replaces theirs, knowingly.
    again = client.post(
        url, data={"notes": "Mine, second.", "revision": "2"}, headers=as_json
    )
    assert again.json["revision"] == 3
    with app.app_context():
        assert db.session.scalar(select(GuideAnswer)).notes == "Mine, second."


def test_a_guide_answer_conflict_without_script_keeps_both_texts(
    app, client, engagement, colleague
):
    url = f"/engagements/{engagement}/planning/answers/market_trends"
    client.post(url, data={"notes": "First.", "revision": "0"})
    response = client.post(
        url, data={"notes": "Typed <b>meanwhile</b>.", "revision": "0"}
    )
    assert response.status_code == 409
    assert "Someone else saved this question meanwhile" in response.text
    assert "First." in response.text
    assert "Typed &lt;b&gt;meanwhile&lt;/b&gt;." in response.text
    assert 'name="revision" type="hidden" value="1"' in response.text


def test_a_posted_next_outside_the_app_is_not_followed(client, engagement):
    response = client.post(
        f"/engagements/{engagement}/planning/answers/market_trends",
        data={"notes": "x", "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert response.location.endswith(
        f"/engagements/{engagement}/planning/sessions/market/present?q=1"
    )


def test_a_value_recorded_meanwhile_for_the_period_is_not_replaced(
    app, client, factory, engagement, colleague, monkeypatch
):
    rows = factory.phase_rows(engagement, colleague)
    url = f"/engagements/{engagement}/implementation/measures/{rows['measure_id']}"
    page = client.get(url).text
    assert 'name="seen"' in page
    another_writer_before(
        monkeypatch,
        revisions,
        "commit",
        lambda c: c.execute(
            insert(MeasureValue).values(
                measure_id=rows["measure_id"],
                period_start=date(2026, 4, 1),
                value=7.0,
                note="",
                recorded_by_id=colleague,
                recorded_at=utcnow(),
            )
        ),
    )
    response = client.post(
        f"{url}/values",
        data={"day": "2026-05-15", "value": "9", "seen": '{"2026-01-01": 1}'},
    )
    assert response.status_code == 409
    assert "Ece Yıldız recorded 7 for" in response.text
    with app.app_context():
        values = db.session.scalars(
            select(MeasureValue.value).where(
                MeasureValue.period_start == date(2026, 4, 1)
            )
        ).all()
        assert values == [7.0]


def test_a_value_form_opened_before_someone_elses_value_cannot_replace_it(
    app, client, factory, engagement, colleague
):
    rows = factory.phase_rows(engagement, colleague)
    url = (
        f"/engagements/{engagement}/implementation/measures/{rows['measure_id']}/values"
    )
    response = client.post(url, data={"day": "2026-01-20", "value": "3", "seen": "{}"})
    assert response.status_code == 409
    with app.app_context():
        assert db.session.get(MeasureValue, rows["value_id"]).value == 1.0
    # the page now carries the revision it shows: recording again replaces it
    client.post(
        url, data={"day": "2026-01-20", "value": "3", "seen": '{"2026-01-01": 1}'}
    )
    with app.app_context():
        assert db.session.get(MeasureValue, rows["value_id"]).value == 3.0


def test_a_work_package_saved_meanwhile_is_not_overwritten(
    app, client, factory, engagement, colleague
):
    rows = factory.phase_rows(engagement, colleague)
    url = f"/engagements/{engagement}/implementation/plan/packages/{rows['package_id']}"
    form = {
        "title": "Mine",
        "owner_id": "0",
        "starts_on": "2026-01-01",
        "ends_on": "2026-02-01",
        "status": "planned",
        "depends_on_id": "0",
        "revision": "1",
    }
    with app.app_context():
        db.session.execute(update(WorkPackage).values(title="Theirs", revision=2))
        db.session.commit()
    response = client.post(url, data=form)
    assert response.status_code == 409
    assert "Someone else saved this work package" in response.text
    assert 'value="Mine"' in response.text
    assert 'name="revision" type="hidden" value="2"' in response.text
    with app.app_context():
        assert db.session.get(WorkPackage, rows["package_id"]).title == "Theirs"
    assert client.post(url, data={**form, "revision": "2"}).status_code == 302
    with app.app_context():
        assert db.session.get(WorkPackage, rows["package_id"]).title == "Mine"
