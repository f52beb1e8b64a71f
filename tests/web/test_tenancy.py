"""The one query that scopes a row: of the engagement, and of the parent
``through`` names; ``owned_or_404`` answers 404 where it finds nothing."""

import pytest
from werkzeug.exceptions import NotFound

from app.extensions import db
from app.models import Contact, Measure, MeasureValue, QuestionnaireTake
from app.tenancy import owned, owned_or_404
from assessments.planning import Direction, Perspective


@pytest.fixture
def rows(app, factory) -> dict[str, int]:
    """Ours: the phase rows and a second measure of the same goal; theirs:
    another engagement's phase rows."""
    owner = factory.user("deniz@example.com", "Deniz Aydın")
    ours, theirs = factory.engagement(owner), factory.engagement(owner, "Başka A.Ş.")
    our_rows = factory.phase_rows(ours, owner)
    their_rows = factory.phase_rows(theirs, owner)
    with app.app_context():
        second = Measure(
            engagement_id=ours,
            goal_id=our_rows["goal_id"],
            perspective=Perspective.CUSTOMER,
            name="İkinci ölçüt",
            direction=Direction.HIGHER_IS_BETTER,
        )
        db.session.add(second)
        db.session.commit()
        return {
            "ours": ours,
            "theirs": theirs,
            "second_measure_id": second.id,
            **our_rows,
            **{f"their_{name}": row_id for name, row_id in their_rows.items()},
        }


def test_a_value_is_found_only_through_its_own_measure(app, rows):
    with app.test_request_context():
        measure = db.session.get(Measure, rows["measure_id"])
        second = db.session.get(Measure, rows["second_measure_id"])
        found = owned_or_404(
            MeasureValue, rows["value_id"], rows["ours"], through=measure
        )
        assert found.id == rows["value_id"]
        # the same engagement, another parent: not found
        with pytest.raises(NotFound):
            owned_or_404(MeasureValue, rows["value_id"], rows["ours"], through=second)


def test_a_parent_of_another_engagement_finds_nothing_even_of_its_own(app, rows):
    with app.test_request_context():
        theirs = db.session.get(Measure, rows["their_measure_id"])
        value = rows["their_value_id"]
        assert owned(MeasureValue, value, rows["ours"], through=theirs) is None
        assert owned(MeasureValue, value, rows["theirs"], through=theirs) is not None


def test_a_contact_reaches_its_engagement_through_its_customer(app, rows):
    with app.test_request_context():
        contact = owned(
            Contact, rows["contact_id"], rows["ours"], through=Contact.customer
        )
        assert contact is not None and contact.customer_id == rows["customer_id"]
        their_contact = rows["their_contact_id"]
        assert (
            owned(Contact, their_contact, rows["ours"], through=Contact.customer)
            is None
        )
        with pytest.raises(NotFound):
            owned_or_404(Contact, their_contact, rows["ours"], through=Contact.customer)


def test_a_row_without_an_engagement_of_its_own_needs_a_parent(app, rows):
    with app.test_request_context(), pytest.raises(TypeError):
        owned(Contact, rows["contact_id"], rows["ours"])


def test_a_parent_the_row_has_no_relationship_to_is_a_mistake(app, rows):
    with app.test_request_context(), pytest.raises(TypeError):
        measure = db.session.get(Measure, rows["measure_id"])
        owned(Contact, rows["contact_id"], rows["ours"], through=measure)


def test_where_narrows_to_a_condition_of_the_row(app, rows):
    take = rows["take_id"]
    of = QuestionnaireTake.questionnaire
    with app.test_request_context():
        assert owned(QuestionnaireTake, take, rows["ours"], where=of == "preparation")
        assert owned(QuestionnaireTake, take, rows["ours"], where=of == "idic") is None
