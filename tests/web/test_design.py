"""The design phase through the test client: customers, analyses stored as
snapshots, their comparison, overrides kept across analyses, data quality,
group strategies and the design report."""

import re
from datetime import date, timedelta

from sqlalchemy import func, insert, select

from app.extensions import db
from app.models import (
    Contact,
    Customer,
    GroupStrategy,
    Interaction,
    Snapshot,
    SnapshotResult,
    Transaction,
)
from assessments.roles import Role
from tests.pdf import issue_report, page_count, pdf_text

AS_OF = date(2026, 6, 30)


def base(engagement_id: int) -> str:
    return f"/engagements/{engagement_id}/design"


def seed(app, engagement_id: int, count: int = 10) -> dict[str, int]:
    """Customers C01..Cnn; customer k bought k times for k × 100, the last
    purchase k days before AS_OF; C01 also returned more than it bought."""
    with app.app_context():
        ids = {}
        for k in range(1, count + 1):
            customer = Customer(
                engagement_id=engagement_id,
                account_number=f"C{k:02d}",
                name=f"Müşteri {k:02d} A.Ş.",
                city="İzmir" if k % 2 else "Bursa",
            )
            db.session.add(customer)
            db.session.flush()
            ids[customer.account_number] = customer.id
            db.session.execute(
                insert(Transaction),
                [
                    {
                        "engagement_id": engagement_id,
                        "customer_id": customer.id,
                        "occurred_on": AS_OF - timedelta(days=k + 30 * n),
                        "amount": 100.0,
                    }
                    for n in range(k)
                ],
            )
        db.session.execute(
            insert(Transaction),
            [
                {
                    "engagement_id": engagement_id,
                    "customer_id": ids["C01"],
                    "occurred_on": AS_OF - timedelta(days=2),
                    "amount": -500.0,
                }
            ],
        )
        db.session.commit()
        return ids


def analyse(client, engagement_id, as_of=AS_OF, **extra):
    return client.post(
        f"{base(engagement_id)}/analysis",
        data={
            "as_of": as_of.isoformat(),
            "cost_to_serve": "0",
            "mvc_percent": "20",
            "growth_percent": "10",
            "a_percent": "80",
            "b_percent": "15",
            **extra,
        },
    )


def latest(app, engagement_id) -> Snapshot:
    with app.app_context():
        snapshot = db.session.scalar(
            select(Snapshot)
            .where(Snapshot.engagement_id == engagement_id)
            .order_by(Snapshot.number.desc())
        )
        db.session.expunge(snapshot)
        return snapshot


def results(app, snapshot_id) -> dict[str, SnapshotResult]:
    with app.app_context():
        rows = db.session.scalars(
            select(SnapshotResult).where(SnapshotResult.snapshot_id == snapshot_id)
        ).all()
        for row in rows:
            db.session.expunge(row)
        return {row.account_number: row for row in rows}


def test_an_analysis_is_stored_with_every_customer_once(app, client, engagement):
    seed(app, engagement)
    response = analyse(client, engagement)
    assert response.status_code == 302
    snapshot = latest(app, engagement)
    assert (snapshot.number, snapshot.as_of) == (1, AS_OF)
    assert snapshot.customer_count == 10
    assert snapshot.transaction_count == 56
    rows = results(app, snapshot.id)
    assert set(rows) == {f"C{k:02d}" for k in range(1, 11)}
    assert rows["C01"].value_group == "bz"  # returned more than it bought
    assert rows["C10"].value_group == "mvc" and rows["C09"].value_group == "mvc"
    assert rows["C10"].frequency == 10 and rows["C10"].recency == 10
    grid = snapshot.summary["rf_grid"]["counts"]
    assert sum(map(sum, grid)) == 10
    groups = snapshot.summary["groups"]
    assert sum(group["count"] for group in groups.values()) == 10
    assert groups["mvc"]["count"] == 2
    figures = snapshot.summary["figures"]  # what the scorecard will read
    assert (figures["customers"], figures["mvc_share"]) == (10, 20.0)
    assert figures["revenue_12m"] == 5_500.0 - 500.0


def test_the_snapshot_page_draws_the_grids_and_counts(app, client, engagement):
    seed(app, engagement)
    analyse(client, engagement)
    snapshot = latest(app, engagement)
    page = client.get(f"{base(engagement)}/analysis/{snapshot.id}").text
    assert page.count('class="chart heatmap"') == 2
    assert "Most valuable (MVC)" in page
    assert "This is the first analysis" in page


def test_an_analysis_without_sales_says_so_and_stores_nothing(app, client, engagement):
    seed(app, engagement)
    response = analyse(client, engagement, as_of=date(2020, 1, 1))
    assert response.status_code == 400
    assert "There are no sales on or before this date" in response.text
    with app.app_context():
        assert db.session.scalar(select(func.count(Snapshot.id))) == 0


def test_bad_band_edges_are_refused_with_the_reason(app, client, engagement):
    seed(app, engagement)
    response = analyse(client, engagement, recency_edges="90 30 10")
    assert response.status_code == 400
    assert "Give four increasing numbers" in response.text


def test_hand_set_bands_are_used_and_kept_with_the_snapshot(app, client, engagement):
    seed(app, engagement)
    analyse(client, engagement, frequency_edges="2 4 6 8")
    snapshot = latest(app, engagement)
    assert snapshot.parameters["bands"]["frequency"] == [2, 4, 6, 8]
    rows = results(app, snapshot.id)
    assert [rows[f"C{k:02d}"].f_score for k in (1, 2, 3, 8, 10)] == [1, 2, 2, 5, 5]


def test_a_later_analysis_shows_who_moved(app, client, engagement):
    ids = seed(app, engagement)
    analyse(client, engagement)
    with app.app_context():  # C02 becomes the biggest buyer
        db.session.execute(
            insert(Transaction),
            [
                {
                    "engagement_id": engagement,
                    "customer_id": ids["C02"],
                    "occurred_on": AS_OF + timedelta(days=10),
                    "amount": 50_000.0,
                }
            ],
        )
        db.session.commit()
    analyse(client, engagement, as_of=AS_OF + timedelta(days=30))
    second = latest(app, engagement)
    assert results(app, second.id)["C02"].value_group == "mvc"
    page = client.get(f"{base(engagement)}/analysis/{second.id}").text
    assert 'class="chart migration"' in page
    first_id = second.id - 1
    compare = client.get(
        f"{base(engagement)}/analysis/{second.id}/compare?with={first_id}"
    ).text
    assert "Müşteri 02 A.Ş." in compare.split("Moved up")[1].split("Moved down")[0]


def test_an_override_wins_and_is_kept_for_later_analyses(app, client, engagement):
    ids = seed(app, engagement)
    response = client.post(
        f"{base(engagement)}/customers/{ids['C03']}/override",
        data={"override-value_group": "mvc", "override-reason": "Sektörün lideri"},
    )
    assert response.status_code == 302
    for as_of in (AS_OF, AS_OF + timedelta(days=1)):
        analyse(client, engagement, as_of=as_of)
        row = results(app, latest(app, engagement).id)["C03"]
        assert (row.value_group, row.overridden) == ("mvc", True)
    page = client.get(f"{base(engagement)}/customers/{ids['C03']}").text
    assert "Sektörün lideri" in page


def test_an_override_needs_a_reason(app, client, engagement):
    ids = seed(app, engagement)
    response = client.post(
        f"{base(engagement)}/customers/{ids['C03']}/override",
        data={"override-value_group": "mvc", "override-reason": ""},
    )
    assert response.status_code == 400


def test_the_customer_list_searches_filters_and_pages(app, client, engagement):
    seed(app, engagement, count=60)
    analyse(client, engagement)
    listing = client.get(f"{base(engagement)}/customers").text
    assert "60 of 60 customers" in listing
    assert "Page 1 of 2" in listing
    found = client.get(f"{base(engagement)}/customers?q=Müşteri 07").text
    assert "1 of 60 customers" in found and "C07" in found
    mvc = client.get(f"{base(engagement)}/customers?group=mvc").text
    assert "12 of 60 customers" in mvc
    wildcard = client.get(f"{base(engagement)}/customers?q=%25").text
    assert "0 of 60 customers" in wildcard
    ignored = client.get(f"{base(engagement)}/customers?group=nonsense").text
    assert "60 of 60 customers" in ignored


def test_the_customer_page_gathers_everything_about_the_customer(
    app, client, engagement
):
    ids = seed(app, engagement)
    customer = f"{base(engagement)}/customers/{ids['C05']}"
    client.post(
        f"{customer}/contacts",
        data={"contact-name": "Ayşe Satın", "contact-is_decision_maker": "y"},
    )
    client.post(
        f"{customer}/interactions",
        data={
            "interaction-occurred_on": "2026-06-01",
            "interaction-channel": "phone",
            "interaction-direction": "inbound",
            "interaction-note": "Yeni fiyat listesini sordu.",
        },
    )
    client.post(f"{customer}/notes", data={"notes-customisation_notes": "Özel vade"})
    analyse(client, engagement)
    snapshot = latest(app, engagement)
    group = results(app, snapshot.id)["C05"].value_group
    assert snapshot.summary["interactions"] == {group: {"phone": 1}}
    page = client.get(customer).text
    quality = page.split('id="quality"')[1].split("</section>")[0]
    assert "<dd>22.2%</dd>" in quality  # name and city of the nine key fields
    assert "Decision maker known</dt><dd>yes" in quality
    for text in (
        "Ayşe Satın",
        "Yeni fiyat listesini sordu.",
        "Özel vade",
        "5 transactions",
        "No. 1",
    ):
        assert text in page
    with app.app_context():
        contact = db.session.scalar(select(Contact))
        assert contact.is_decision_maker
        interaction = db.session.scalar(select(Interaction))
        assert interaction.recorded_by.name == "Deniz Aydın"


def test_amounts_are_in_the_engagements_currency_and_follow_its_change(
    app, client, engagement
):
    ids = seed(app, engagement)
    analyse(client, engagement)
    customer = f"{base(engagement)}/customers/{ids['C05']}"
    analysis = f"{base(engagement)}/analysis/{latest(app, engagement).id}"
    nbsp = "\u00a0"  # "TRY 500", never "TRY500"
    assert f"TRY{nbsp}500.00 in total" in client.get(customer).text
    assert re.search(rf">TRY{nbsp}1,900</td>", client.get(analysis).text)  # MVC
    details = {
        "name": "Örnek Gıda A.Ş.",
        "sector": "Food",
        "size": "medium",
        "country": "TR",
        "report_language": "tr",
        "currency": "EUR",
    }
    client.post(f"/engagements/{engagement}/edit", data=details)
    assert "€500.00 in total" in client.get(customer).text
    page = client.get(analysis).text
    assert ">€1,900</td>" in page and "TRY" not in page


def test_account_numbers_stay_unique(app, client, engagement):
    seed(app, engagement, count=2)
    response = client.post(
        f"{base(engagement)}/customers/new",
        data={"account_number": "C01", "name": "Kopya"},
    )
    assert "Another customer already has this account number." in response.text
    with app.app_context():
        assert db.session.scalar(select(func.count(Customer.id))) == 2


def test_a_customer_and_a_contact_are_saved_from_their_forms(app, client, engagement):
    """Typed fields arrive typed, text left empty is stored as "", and a
    contact's edit changes every field, the decision-maker box too."""
    response = client.post(
        f"{base(engagement)}/customers/new",
        data={
            "account_number": " C99 ",
            "name": "Yeni Bayi Ltd.",
            "strategic_potential": "4",
            "lifecycle_stage": "retention",
            "last_verified_on": "2026-05-01",
            "wallet_share": "0.25",
        },
    )
    assert response.status_code == 302
    with app.app_context():
        customer = db.session.scalar(select(Customer))
        assert (customer.account_number, customer.name) == ("C99", "Yeni Bayi Ltd.")
        assert (customer.city, customer.email, customer.title) == ("", "", "")
        assert customer.strategic_potential == 4
        assert customer.lifecycle_stage.value == "retention"
        assert customer.last_verified_on == date(2026, 5, 1)
        assert customer.wallet_share == 0.25
        customer_id = customer.id
    page = f"{base(engagement)}/customers/{customer_id}"
    client.post(
        f"{page}/contacts",
        data={"contact-name": "Ali Alım", "contact-is_decision_maker": "y"},
    )
    with app.app_context():
        contact = db.session.scalar(select(Contact))
        assert (contact.title, contact.is_decision_maker) == ("", True)
        contact_id = contact.id
    response = client.post(
        f"{base(engagement)}/contacts/{contact_id}",
        data={"name": "Ali Alım", "title": "Satın alma", "phone": "0212 000 00 00"},
    )
    assert response.status_code == 302
    with app.app_context():
        contact = db.session.get(Contact, contact_id)
        assert (contact.title, contact.phone) == ("Satın alma", "0212 000 00 00")
        assert not contact.is_decision_maker


def test_deleting_a_customer_keeps_earlier_analyses(app, client, engagement):
    ids = seed(app, engagement)
    analyse(client, engagement)
    client.post(f"{base(engagement)}/customers/{ids['C04']}/delete")
    with app.app_context():
        assert db.session.get(Customer, ids["C04"]) is None
        assert (
            db.session.scalar(
                select(func.count(Transaction.id)).where(
                    Transaction.customer_id == ids["C04"]
                )
            )
            == 0
        )
    kept = results(app, latest(app, engagement).id)["C04"]
    assert kept.customer_id is None and kept.frequency == 4


def test_data_quality_counts_fields_decision_makers_and_stale_records(
    app, client, engagement
):
    ids = seed(app, engagement, count=4)
    with app.app_context():
        db.session.add(
            Contact(customer_id=ids["C01"], name="Karar", is_decision_maker=True)
        )
        db.session.get(Customer, ids["C02"]).last_verified_on = date.today()
        db.session.commit()
    page = client.get(f"{base(engagement)}/quality").text
    assert "25.0% (1)" in page  # decision makers
    assert "75.0% (3)" in page  # not verified for 12 months
    assert "Records to work on first" in page


def test_group_strategies_are_saved_per_segment(app, client, engagement):
    response = client.post(
        f"{base(engagement)}/strategies/mvc",
        data={
            "mvc-crm_strategy": "loyalty",
            "mvc-actions": "Üç ayda bir ziyaret",
            "mvc-channel": "face_to_face",
            "mvc-owner_id": "0",
        },
    )
    assert response.status_code == 302
    with app.app_context():
        row = db.session.scalar(select(GroupStrategy))
        assert (row.segment.value, row.crm_strategy.value) == ("mvc", "loyalty")
        assert row.owner_id is None
    assert client.post(f"{base(engagement)}/strategies/nope").status_code == 404


def test_the_team_keeps_data_but_does_not_analyse(
    app, client, factory, auth, engagement
):
    seed(app, engagement, count=2)
    member = factory.user("team@example.com")
    factory.member(engagement, member, Role.TEAM)
    auth.logout()
    auth.login("team@example.com")
    assert analyse(client, engagement).status_code == 403
    response = client.post(
        f"{base(engagement)}/customers/new",
        data={"account_number": "T1", "name": "Takım Müşterisi"},
    )
    assert response.status_code == 302


def test_the_design_report_has_the_groups_and_rules(app, client, engagement):
    seed(app, engagement)
    analyse(client, engagement)
    analyse(client, engagement, as_of=AS_OF + timedelta(days=40))
    response = issue_report(client, engagement, "design")
    assert response.mimetype == "application/pdf"
    text = pdf_text(response.data)
    assert "Veri kalitesi" in text  # the engagement's report language
    # the group table, after the summary page that names the groups too
    groups = text.split("A, B ve C")[0].split("Değer grupları")[-1]
    # count, then value in the engagement's currency, the Turkish way
    assert re.search(r"MVC\)\s+2\s+₺1\.900", groups)
    assert re.search(r"BZ\)\s+1\s+-₺400", groups)
    assert "Müşteri 10 A.Ş." in text  # the top customer of the top-5 percent rule
    assert 3 <= page_count(response.data) <= 7
