"""Command-line tasks."""

from sqlalchemy import func, select

from app.demo import DEMO_COMPANY, DEMO_PASSWORD
from app.extensions import db
from app.models import Engagement, Membership, User
from assessments.roles import Role


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def test_demo_loads_a_company_with_its_three_roles_once(app, runner, auth):
    first = runner.invoke(args=["demo"])
    assert "Loaded the demo engagement" in first.output
    assert "sponsor@example.com" in first.output
    second = runner.invoke(args=["demo"])
    assert "already loaded" in second.output
    assert count(app, Engagement) == 2  # the demo and a second client
    assert count(app, User) == 4
    with app.app_context():
        roles = set(db.session.scalars(select(Membership.role)))
    assert roles == {Role.CONSULTANT, Role.SPONSOR, Role.TEAM}
    with app.app_context():
        name = db.session.scalar(select(Engagement.name).order_by(Engagement.id))
    assert name == DEMO_COMPANY
    assert auth.login("sponsor@example.com", DEMO_PASSWORD).status_code == 302


def test_users_create_makes_an_account_that_can_sign_in(app, runner, auth):
    result = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "Cli@Example.com",
            "--name",
            "Komut Satırı",
            "--role",
            "admin",
            "--password",
            "a long password",
        ]
    )
    assert result.exit_code == 0, result.output
    assert auth.login("cli@example.com", "a long password").status_code == 302


def test_users_create_refuses_a_taken_email_or_a_short_password(app, runner, factory):
    factory.user("taken@example.com")
    taken = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "taken@example.com",
            "--name",
            "X",
            "--password",
            "a long password",
        ]
    )
    assert taken.exit_code != 0
    assert "already an account" in taken.output
    short = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "short@example.com",
            "--name",
            "X",
            "--password",
            "short",
        ]
    )
    assert short.exit_code != 0
    assert "at least 10 characters" in short.output
    assert count(app, User) == 1


def test_assessments_check_lists_the_shipped_questionnaires(runner):
    result = runner.invoke(args=["assessments", "check"])
    assert result.exit_code == 0, result.output
    assert "preparation:" in result.output


def test_assessments_check_names_the_faults_of_a_broken_folder(runner, tmp_path):
    (tmp_path / "broken.yaml").write_text(
        "id: broken\ntitle: {en: Broken}\nsections: []\n", encoding="utf-8"
    )
    result = runner.invoke(args=["assessments", "check", str(tmp_path)])
    assert result.exit_code != 0
    assert "broken.yaml: file title: missing the 'tr' text" in result.output
    assert "broken.yaml: file: needs a non-empty list of sections" in result.output


def test_the_demo_engagement_waits_for_the_sponsors_decisions(
    app, runner, client, auth
):
    runner.invoke(args=["demo"])
    auth.login("consultant@example.com", DEMO_PASSWORD)
    client.post("/account/language", data={"language": "en"})
    with app.app_context():
        engagement_id = db.session.scalar(select(Engagement.id).order_by(Engagement.id))
    dashboard = client.get(f"/engagements/{engagement_id}").text
    assert "3 of 5 steps done" in dashboard  # the gates wait for the sponsor
    assert "3 gates wait for the sponsor" in dashboard
    organisation = client.get(f"/engagements/{engagement_id}/preparation/organisation")
    assert "no manager from: Service" in organisation.text
