"""Fixtures shared by the web and browser tests: apps, databases, factories."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine, delete, make_url, select, text

from app.auth import services as accounts
from app.engagements import services as engagements
from app.extensions import db
from app.factory import create_app
from app.models import (
    AwarenessActivity,
    AwarenessKind,
    BusinessStrategy,
    CompanySize,
    Contact,
    Customer,
    Engagement,
    Goal,
    Interaction,
    IssuedReport,
    Job,
    Measure,
    MeasureValue,
    Membership,
    Objective,
    OrgPerson,
    QuestionnaireTake,
    ResistanceItem,
    Review,
    SiteRole,
    Snapshot,
    User,
    WorkPackage,
)
from assessments.idic import Channel, InteractionDirection
from assessments.jobs import JobKind
from assessments.organisation import Department
from assessments.oversight import ReportKind
from assessments.planning import Direction, Perspective
from assessments.roles import Role

PASSWORD = "correct horse battery"
POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL")


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(request, tmp_path_factory) -> str:
    """Each web test runs once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'test.sqlite'}"
    return _database_of_this_worker(postgres_server())


def postgres_server() -> str:
    """The PostgreSQL server `make test` starts (TEST_POSTGRES_URL); without
    one the test is skipped, except in CI, which must test PostgreSQL."""
    if not POSTGRES_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must test PostgreSQL: run the suite through `make test`.")
        pytest.skip("TEST_POSTGRES_URL is not set (`make test` starts a server).")
    return POSTGRES_URL


def _database_of_this_worker(server_url: str) -> str:
    """Under pytest-xdist each worker gets a database of its own on the one
    server, so that workers never drop each other's tables."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return server_url
    server = make_url(server_url)
    name = f"test_{worker}"
    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        exists = connection.scalar(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
        )
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return server.set(database=name).render_as_string(hide_password=False)


def make_app(database_url: str, **overrides) -> Flask:
    config = {
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "WTF_CSRF_ENABLED": False,
        "SERVER_NAME": "crm.test",
        "JOBS_IMMEDIATE": True,  # each job runs inside the request that starts it
    }
    config.update(overrides)
    return create_app(config)


@pytest.fixture(scope="session")
def schema(database_url) -> Iterator[None]:
    """The tables, created once per database for the session."""
    app = make_app(database_url)
    with app.app_context():
        db.drop_all()
        db.create_all()
    yield
    with app.app_context():
        db.drop_all()
        db.engine.dispose()


@pytest.fixture
def app_config() -> dict:
    """Overrides a test module can replace to configure its app."""
    return {}


@pytest.fixture
def app(database_url, schema, app_config) -> Iterator[Flask]:
    """A fresh app on an empty database."""
    app = make_app(database_url, **app_config)
    yield app
    with app.app_context():
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(delete(table))
        db.session.commit()
        db.engine.dispose()


@pytest.fixture
def client(app) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


class Factory:
    """Tiny builders for the rows tests need, through the real services."""

    def __init__(self, app: Flask):
        self.app = app

    def user(
        self,
        email: str,
        name: str = "Test User",
        site_role: SiteRole = SiteRole.CONSULTANT,
        password: str | None = PASSWORD,
        language: str = "en",
    ) -> int:
        with self.app.app_context():
            user = accounts.create_user(email, name, site_role, password, language)
            db.session.commit()
            return user.id

    def engagement(self, owner_id: int, name: str = "Örnek Gıda A.Ş.") -> int:
        with self.app.app_context():
            owner = db.session.get(User, owner_id)
            details = engagements.EngagementDetails(
                name=name,
                sector="Food",
                size=CompanySize.MEDIUM,
                country="TR",
                report_language="tr",
            )
            return engagements.create_engagement(owner, details).id

    def member(self, engagement_id: int, user_id: int, role: Role) -> int:
        with self.app.app_context():
            membership = Membership(
                engagement_id=engagement_id, user_id=user_id, role=role
            )
            db.session.add(membership)
            db.session.commit()
            return membership.id

    def phase_rows(self, engagement_id: int, user_id: int) -> dict[str, int]:
        """One row of each preparation kind, by the URL argument that names it."""
        with self.app.app_context():
            take = QuestionnaireTake(
                engagement_id=engagement_id,
                questionnaire="preparation",
                number=1,
                definition_version=1,
                started_by_id=user_id,
            )
            person = OrgPerson(
                engagement_id=engagement_id,
                name="Gizli Kişi",
                department=Department.SALES,
            )
            activity = AwarenessActivity(
                engagement_id=engagement_id,
                held_on=date(2026, 1, 5),
                kind=AwarenessKind.TRAINING,
                topic="Gizli eğitim",
            )
            item = ResistanceItem(
                engagement_id=engagement_id,
                raised_on=date(2026, 1, 6),
                raised_by="Gizli Müdür",
                concern="Gizli itiraz",
            )
            strategy = BusinessStrategy(engagement_id=engagement_id, statement="Gizli")
            goal = Goal(
                engagement_id=engagement_id,
                strategy=strategy,
                title="Gizli hedef",
                department=Department.SALES,
            )
            measure = Measure(
                engagement_id=engagement_id,
                goal=goal,
                perspective=Perspective.CUSTOMER,
                name="Gizli ölçüt",
                direction=Direction.HIGHER_IS_BETTER,
            )
            customer = Customer(
                engagement_id=engagement_id, account_number="G-1", name="Gizli Müşteri"
            )
            db.session.add_all(
                [take, person, activity, item, strategy, goal, measure, customer]
            )
            db.session.flush()
            contact = Contact(customer_id=customer.id, name="Gizli Kişi")
            interaction = Interaction(
                engagement_id=engagement_id,
                customer_id=customer.id,
                occurred_on=date(2026, 1, 7),
                channel=Channel.PHONE,
                direction=InteractionDirection.INBOUND,
                note="Gizli görüşme",
            )
            snapshot = Snapshot(
                engagement_id=engagement_id,
                number=1,
                as_of=date(2026, 1, 8),
                parameters={},
                summary={},
                customer_count=0,
                transaction_count=0,
            )
            twin = Customer(
                engagement_id=engagement_id, account_number="G-2", name="Gizli İkiz"
            )
            objective = Objective(
                engagement_id=engagement_id,
                perspective=Perspective.CUSTOMER,
                title="Gizli amaç",
            )
            package = WorkPackage(
                engagement_id=engagement_id,
                title="Gizli iş paketi",
                starts_on=date(2026, 1, 1),
                ends_on=date(2026, 2, 1),
            )
            review = Review(
                engagement_id=engagement_id,
                held_on=date(2026, 1, 9),
                findings="Gizli bulgu",
            )
            db.session.add_all(
                [contact, interaction, snapshot, twin, objective, package, review]
            )
            db.session.flush()
            value = MeasureValue(
                measure_id=measure.id, period_start=date(2026, 1, 1), value=1.0
            )
            issued = IssuedReport(
                engagement_id=engagement_id,
                kind=ReportKind.SUMMARY,
                language="tr",
                checksum="0" * 64,
                size=4,
                pages=1,
                pdf=b"%PDF",
            )
            job = Job(
                engagement_id=engagement_id,
                kind=JobKind.ANALYSIS,
                parameters={"as_of": "2026-01-31"},
                started_by_id=user_id,
            )
            db.session.add_all([value, issued, job])
            db.session.commit()
            return {
                "customer_id": customer.id,
                "keep_id": customer.id,
                "absorb_id": twin.id,
                "contact_id": contact.id,
                "interaction_id": interaction.id,
                "snapshot_id": snapshot.id,
                "take_id": take.id,
                "person_id": person.id,
                "awareness_id": activity.id,
                "resistance_id": item.id,
                "strategy_id": strategy.id,
                "goal_id": goal.id,
                "measure_id": measure.id,
                "objective_id": objective.id,
                "package_id": package.id,
                "review_id": review.id,
                "value_id": value.id,
                "issued_id": issued.id,
                "job_id": job.id,
            }

    def get(self, model, object_id):
        with self.app.app_context():
            row = db.session.get(model, object_id)
            if row is not None:
                db.session.expunge(row)
            return row


@pytest.fixture
def factory(app) -> Factory:
    return Factory(app)


class AuthActions:
    def __init__(self, client: FlaskClient):
        self._client = client

    def login(self, email: str, password: str = PASSWORD):
        return self._client.post("/login", data={"email": email, "password": password})

    def logout(self):
        return self._client.post("/logout")

    def confirm_password(self, password: str = PASSWORD, next: str | None = None):
        """Type the password again, as changes to user accounts ask."""
        return self._client.post(
            "/confirm-password",
            query_string={"next": next} if next else {},
            data={"password": password},
        )


@pytest.fixture
def engagement(factory, auth) -> int:
    """An engagement whose owner, the consultant Deniz Aydın, is signed in."""
    owner = factory.user("deniz@example.com", "Deniz Aydın")
    engagement_id = factory.engagement(owner)
    auth.login("deniz@example.com")
    return engagement_id


@pytest.fixture
def auth(client) -> AuthActions:
    return AuthActions(client)


@dataclass
class TwoCompanies:
    """A consultant's engagement, and another consultant's that must stay hidden."""

    ours: int
    theirs: int
    our_consultant: str
    their_consultant: str
    their_name: str
    #: ids of rows of their engagement, by the URL argument that names them
    their_rows: dict[str, int]

    @property
    def their_member_id(self) -> int:
        return self.their_rows["member_id"]


@pytest.fixture
def two_companies(factory) -> TwoCompanies:
    ours_owner = factory.user("ours@example.com", "Ayla Danışman")
    theirs_owner = factory.user("theirs@example.com", "Başka Danışman")
    their_name = "Gizli Müşteri Ltd. Şti."
    theirs = factory.engagement(theirs_owner, their_name)
    their_sponsor = factory.user("their-sponsor@example.com", site_role=SiteRole.MEMBER)
    return TwoCompanies(
        ours=factory.engagement(ours_owner, "Açık Müşteri A.Ş."),
        theirs=theirs,
        our_consultant="ours@example.com",
        their_consultant="theirs@example.com",
        their_name=their_name,
        their_rows={
            "member_id": factory.member(theirs, their_sponsor, Role.SPONSOR),
            **factory.phase_rows(theirs, theirs_owner),
        },
    )


def engagement_by_name(app: Flask, name: str) -> Engagement | None:
    with app.app_context():
        return db.session.scalar(select(Engagement).where(Engagement.name == name))
