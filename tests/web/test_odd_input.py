"""Ordinary malformed input gets an ordinary answer, never a 500: ids out of
the columns' range, page numbers of any size, hidden fields tampered with,
control characters in text. The sweep in test_fuzz_sweep.py looks for what
these miss."""

import inspect

import pytest
from flask_wtf import FlaskForm
from sqlalchemy import func, select

from app.extensions import db
from app.forms import Form
from app.models import Answer, Customer, WorkPackage
from app.url_values import MAX_ID, IdConverter
from tests.questionnaire_helpers import seen_on, start, take_of

OUT_OF_RANGE = [str(MAX_ID + 1), str(2**63), "99999999999999999999", "0", "1" * 5000]


#: the slots of the rules that hold text; every other slot is an id
STRING_SLOTS = {
    "token",
    "gate",
    "section_id",
    "question_id",
    "questionnaire_id",
    "segment",
    "kind",
    "filename",  # static files
}


def test_every_integer_slot_of_every_rule_is_a_bounded_id(app):
    """New rules are covered too: an ``<int:…>`` is the bounded id."""
    ids = 0
    for rule in app.url_map.iter_rules():
        for name, converter in rule._converters.items():
            if name in STRING_SLOTS:
                continue
            assert type(converter) is IdConverter, f"{name} in {rule.rule}"
            assert (converter.min, converter.max) == (1, MAX_ID)
            ids += 1
    assert ids > 60


@pytest.mark.parametrize("bad", OUT_OF_RANGE)
def test_an_id_out_of_range_is_404(client, factory, engagement, bad):
    rows = factory.phase_rows(engagement, factory.user("x@example.com", "X"))
    design = f"/engagements/{engagement}/design"
    assert client.get(f"/engagements/{bad}").status_code == 404
    assert client.get(f"{design}/customers/{bad}").status_code == 404
    assert client.post(f"{design}/customers/{bad}/delete").status_code == 404
    compare = f"{design}/analysis/{rows['snapshot_id']}/compare?with={bad}"
    assert client.get(compare).status_code == 404
    assert client.get(f"{design}/customers/{rows['customer_id']}").status_code == 200


@pytest.mark.parametrize("page", ["99999999999999999999", "-3", "0", "x", "٣", "1e9"])
def test_any_page_number_shows_a_page(client, factory, engagement, page):
    factory.phase_rows(engagement, factory.user("x@example.com", "X"))
    for path in (
        f"/engagements/{engagement}/activity",
        f"/engagements/{engagement}/design/customers",
        f"/engagements/{engagement}/design/customers/duplicates",
        f"/engagements/{engagement}/reports/archive",
        "/",
    ):
        response = client.get(path, query_string={"page": page})
        assert response.status_code == 200, path


def test_a_page_past_the_last_is_the_last(client, factory, engagement):
    factory.phase_rows(engagement, factory.user("x@example.com", "X"))
    customers = f"/engagements/{engagement}/design/customers"
    page = client.get(customers, query_string={"page": "99999999999999999999"})
    assert "Gizli Müşteri" in page.text


IDIC = "/engagements/{}/questionnaires/idic"


@pytest.mark.parametrize(
    "seen",
    ["[]", '"x"', "7", "null", "{", '{"interact_channels": "1"}', '{"a": 1.5}'],
)
def test_a_tampered_seen_is_400_and_saves_nothing(app, client, engagement, seen):
    take_id = take_of(start(client, IDIC.format(engagement)).location)
    url = f"{IDIC.format(engagement)}/takes/{take_id}/interact"
    response = client.post(url, data={"seen": seen, "interact_channels": "2"})
    assert response.status_code == 400
    assert "The request could not be handled" in response.text
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Answer)) == 0
    sent = {"seen": seen_on(client.get(url).text), "interact_channels": "2"}
    assert client.post(url, data=sent).status_code == 302


@pytest.mark.parametrize("revision", ["x", "-1", "1.0", "99999999999999999999"])
def test_a_tampered_revision_is_400_and_saves_nothing(
    app, client, factory, engagement, revision
):
    rows = factory.phase_rows(engagement, factory.user("x@example.com", "X"))
    url = f"/engagements/{engagement}/implementation/plan/packages/{rows['package_id']}"
    form = {
        "title": "Mine",
        "owner_id": "0",
        "starts_on": "2026-01-01",
        "ends_on": "2026-02-01",
        "status": "planned",
        "depends_on_id": "0",
        "revision": revision,
    }
    assert client.post(url, data=form).status_code == 400
    assert factory.get(WorkPackage, rows["package_id"]).title == "Gizli iş paketi"


@pytest.mark.parametrize(
    "name", ["Nul\x00l A.Ş.", "Esc\x1b[2J", "Two\nlines", "C\x851"]
)
def test_control_characters_in_a_text_field_are_refused(app, client, engagement, name):
    response = client.post(
        f"/engagements/{engagement}/design/customers/new",
        data={"account_number": "N-1", "name": name},
    )
    assert "invisible control characters" in response.text
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Customer)) == 0


def test_long_text_keeps_tab_and_line_breaks_but_no_other_control(
    app, client, factory, engagement
):
    rows = factory.phase_rows(engagement, factory.user("x@example.com", "X"))
    url = f"/engagements/{engagement}/design/customers/{rows['customer_id']}/notes"
    kept = "First line\r\n\tindented\nlast"
    assert client.post(url, data={"notes-customisation_notes": kept}).status_code == 302
    refused = client.post(url, data={"notes-customisation_notes": "a\x00b"})
    assert "invisible control characters" in refused.text
    assert factory.get(Customer, rows["customer_id"]).customisation_notes == kept


def test_the_message_is_in_the_users_language(client, auth, factory):
    owner = factory.user("ece@example.com", "Ece", language="tr")
    engagement = factory.engagement(owner)
    auth.login("ece@example.com")
    page = client.post(
        f"/engagements/{engagement}/design/customers/new",
        data={"account_number": "N-1", "name": "Nul\x00l"},
    )
    assert "görünmeyen denetim karakterleri" in page.text


def test_a_search_with_control_characters_searches_without_them(
    client, factory, engagement
):
    factory.phase_rows(engagement, factory.user("x@example.com", "X"))
    customers = f"/engagements/{engagement}/design/customers"
    page = client.get(customers, query_string={"q": "Gizli\x00 Müş"})
    assert page.status_code == 200
    assert "Gizli Müşteri" in page.text


def test_every_form_of_the_app_checks_its_text(app):
    """Forms are defined at import time: every subclass of FlaskForm the app
    has is one of ``app.forms.Form``, so none forgets the check."""
    forms = []
    pending = [FlaskForm]
    while pending:
        for subclass in pending.pop().__subclasses__():
            pending.append(subclass)
            if inspect.getmodule(subclass).__name__.startswith("app."):
                forms.append(subclass)
    assert len(forms) > 30
    assert [f.__qualname__ for f in forms if not issubclass(f, Form)] == []
