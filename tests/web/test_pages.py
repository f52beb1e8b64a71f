"""Every page of the demo engagement renders as valid HTML (no form inside a
form, nothing the parser must repair), with well-formed ids and labels."""

from html.parser import HTMLParser

import html5lib
from sqlalchemy import select

from app.demo import DEMO_PASSWORD
from app.extensions import db
from app.models import (
    Contact,
    Customer,
    Engagement,
    Goal,
    Measure,
    Objective,
    OrgPerson,
    QuestionnaireTake,
    Review,
    Snapshot,
    WorkPackage,
)

#: Pages that are not HTML of their own, or need a second row to compare with.
SKIPPED = ("report", "summary", "export_customers", "compare", "comparison")


def demo_arguments(app) -> dict:
    """Values for the arguments of the demo engagement's pages, from its rows
    (ids differ between databases and runs)."""
    with app.app_context():
        engagement_id = db.session.scalar(select(Engagement.id).order_by(Engagement.id))

        def first(model, *where):
            return db.session.scalar(
                select(model.id)
                .where(model.engagement_id == engagement_id, *where)
                .order_by(model.id)
            )

        def take(questionnaire):
            return first(
                QuestionnaireTake, QuestionnaireTake.questionnaire == questionnaire
            )

        customer_id = first(Customer)
        return {
            "engagement_id": engagement_id,
            "section_id": "need",
            "take_id": take("preparation"),
            "person_id": first(OrgPerson),
            "goal_id": first(Goal),
            "measure_id": first(Measure),
            "customer_id": customer_id,
            "snapshot_id": first(Snapshot),
            "contact_id": db.session.scalar(
                select(Contact.id).where(Contact.customer_id == customer_id)
            ),
            "objective_id": first(Objective),
            "package_id": first(WorkPackage),
            "review_id": first(Review),
            "questionnaire_id": "idic",
            "blueprints": {
                "planning": {"section_id": "market"},
                "questionnaires": {"section_id": "identify", "take_id": take("idic")},
            },
        }


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: list[str] = []
        self.label_targets: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag == "label" and attributes.get("for"):
            self.label_targets.append(attributes["for"])


def demo_pages(app) -> list[str]:
    demo = demo_arguments(app)
    pages = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or "engagement_id" not in rule.arguments:
            continue
        if rule.endpoint.endswith(SKIPPED):
            continue
        values = {"engagement_id": demo["engagement_id"]}
        blueprint = rule.endpoint.split(".")[0]
        arguments = demo | demo["blueprints"].get(blueprint, {})
        for name in rule.arguments - {"engagement_id"}:
            if name not in arguments:
                break
            values[name] = arguments[name]
        else:
            pages.append(rule.build(values)[1])
    return pages


def assert_valid_html(page: str, path: str) -> None:
    """Parse as a browser would, but refuse every parse error: a browser
    repairs them silently, e.g. drops a form nested in another, so that its
    button submits the outer form."""
    parser = html5lib.HTMLParser(strict=True)
    try:
        parser.parse(page)
    except html5lib.html5parser.ParseError as error:
        line, column = parser.errors[-1][0]
        source = page.splitlines()[line - 1].strip()
        raise AssertionError(f"{path}:{line}:{column}: {error} in {source!r}") from None


def test_every_page_is_valid_html_with_unique_ids_and_labels_that_point_somewhere(
    app, client, runner
):
    runner.invoke(args=["demo"])
    client.post(
        "/login", data={"email": "consultant@example.com", "password": DEMO_PASSWORD}
    )
    pages = demo_pages(app)
    assert len(pages) >= 30
    for path in pages:
        response = client.get(path, follow_redirects=True)
        assert response.status_code == 200, path
        assert_valid_html(response.text, path)
        parser = _Ids()
        parser.feed(response.text)
        duplicates = {i for i in parser.ids if parser.ids.count(i) > 1}
        assert not duplicates, f"{path}: duplicate ids {duplicates}"
        dangling = set(parser.label_targets) - set(parser.ids)
        assert not dangling, f"{path}: labels for missing ids {dangling}"
