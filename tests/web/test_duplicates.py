"""Duplicate customers through the test client: the suggested pairs (found by
a job, in immediate mode here), the confirmation page and the merge."""

import re
from datetime import date

import pytest
from sqlalchemy import delete, func, select

from app.design import duplicates as merging
from app.extensions import db
from app.jobs import queue, services
from app.models import (
    Complaint,
    Contact,
    Customer,
    DuplicatePair,
    Engagement,
    GroupOverride,
    Interaction,
    Job,
    SiteRole,
    Snapshot,
    SnapshotResult,
    Transaction,
    User,
)
from app.refusals import Refusal
from assessments.idic import Channel, InteractionDirection, LifecycleStage
from assessments.jobs import JobKind, JobStatus
from assessments.roles import Role
from assessments.value_groups import ValueGroup
from tests.conftest import PASSWORD
from tests.import_files import CUSTOMERS, csv_bytes
from tests.web.test_import import imported


def base(engagement_id: int) -> str:
    return f"/engagements/{engagement_id}/design/customers"


def add_customers(app, engagement_id: int, *rows: dict) -> list[int]:
    with app.app_context():
        customers = [Customer(engagement_id=engagement_id, **row) for row in rows]
        db.session.add_all(customers)
        db.session.commit()
        return [customer.id for customer in customers]


def add_history(app, engagement_id: int, customer_id: int, sales: int = 1) -> None:
    """A contact, sales, a complaint and an interaction of one customer."""
    with app.app_context():
        db.session.add(Contact(customer_id=customer_id, name="Ayşe Alım"))
        db.session.add_all(
            Transaction(
                engagement_id=engagement_id,
                customer_id=customer_id,
                occurred_on=date(2025, 1, day + 1),
                amount=100.0,
            )
            for day in range(sales)
        )
        db.session.add(
            Complaint(
                engagement_id=engagement_id,
                customer_id=customer_id,
                received_on=date(2025, 2, 1),
                text="Geç teslimat",
            )
        )
        db.session.add(
            Interaction(
                engagement_id=engagement_id,
                customer_id=customer_id,
                occurred_on=date(2025, 3, 1),
                channel=Channel.PHONE,
                direction=InteractionDirection.INBOUND,
                note="Fiyat sordu",
            )
        )
        db.session.commit()


def add_snapshot(app, engagement_id: int, customers: dict[str, int]) -> int:
    """An analysis with one row per customer (account number → id)."""
    with app.app_context():
        snapshot = Snapshot(
            engagement_id=engagement_id,
            number=1,
            as_of=date(2025, 6, 30),
            parameters={},
            summary={},
            customer_count=len(customers),
            transaction_count=0,
        )
        db.session.add(snapshot)
        db.session.flush()
        db.session.add_all(
            SnapshotResult(
                snapshot_id=snapshot.id,
                account_number=account,
                customer_id=customer_id,
                recency=10,
                frequency=2,
                monetary=200.0,
                r_score=5,
                f_score=3,
                m_score=3,
                rf_cell="53",
                mf_cell="33",
                value_group="mgc",
                abc="B",
                flags=[],
            )
            for account, customer_id in customers.items()
        )
        db.session.commit()
        return snapshot.id


def count(app, model, **where) -> int:
    with app.app_context():
        query = select(func.count()).select_from(model)
        for column, value in where.items():
            query = query.where(getattr(model, column) == value)
        return db.session.scalar(query)


def merge_url(engagement_id: int, keep_id: int, absorb_id: int) -> str:
    return f"{base(engagement_id)}/merge/{keep_id}/{absorb_id}"


def pair_ids(page: str) -> set[tuple[int, int]]:
    """The (keep, absorb) ids of the merge links on the list."""
    return {
        (int(keep), int(absorb))
        for keep, absorb in re.findall(r"/customers/merge/(\d+)/(\d+)", page)
    }


# --- suggestions --------------------------------------------------------------


def test_without_duplicates_the_list_says_so(app, client, engagement):
    add_customers(
        app,
        engagement,
        {"account_number": "C-1", "name": "Örnek Gıda", "email": "a@ornek.com"},
        {"account_number": "C-2", "name": "Beta Lojistik", "email": "b@beta.com"},
    )
    page = client.get(f"{base(engagement)}/duplicates")
    assert page.status_code == 200
    assert "No possible duplicates" in page.text


def test_an_edit_after_a_visit_shows_at_once(app, client, engagement):
    first, second = add_customers(
        app,
        engagement,
        {"account_number": "C-1", "name": "Örnek Gıda", "email": "a@ornek.com"},
        {"account_number": "C-2", "name": "Beta Lojistik", "email": "b@beta.com"},
    )
    assert "No possible duplicates" in client.get(f"{base(engagement)}/duplicates").text
    response = client.post(
        f"{base(engagement)}/{second}/edit",
        data={"account_number": "C-2", "name": "Beta Lojistik", "email": "a@ornek.com"},
    )
    assert response.status_code == 302
    page = client.get(f"{base(engagement)}/duplicates").text
    assert pair_ids(page) == {(first, second), (second, first)}


def test_same_email_phone_or_similar_name_are_suggested(app, client, engagement):
    ids = add_customers(
        app,
        engagement,
        {"account_number": "C-1", "name": "Alfa Kimya", "email": "Satis@Alfa.com"},
        {"account_number": "C-2", "name": "Zeta Metal", "email": " satis@alfa.com"},
        {"account_number": "C-3", "name": "Beta Tarım", "phone": "0 (212) 555 12 34"},
        {"account_number": "C-4", "name": "Kappa Enerji", "phone": "+90 212 5551234"},
        {"account_number": "C-5", "name": "ÖRNEK GIDA A.Ş.", "city": "Bursa"},
        {"account_number": "C-6", "name": "Örnek Gıda Anonim Şirketi"},
        {"account_number": "C-7", "name": "Yalnız Turizm"},
    )
    add_history(app, engagement, ids[4], sales=3)
    page = client.get(f"{base(engagement)}/duplicates").text
    assert "Same e-mail" in page
    assert "Same phone" in page
    assert "Similar name" in page
    assert "Bursa" in page
    assert "Yalnız Turizm" not in page
    # Either record can be the one kept.
    assert pair_ids(page) == {
        (ids[0], ids[1]),
        (ids[1], ids[0]),
        (ids[2], ids[3]),
        (ids[3], ids[2]),
        (ids[4], ids[5]),
        (ids[5], ids[4]),
    }
    assert f"/customers/{ids[4]}" in page  # links to the customer's page


def test_the_list_is_paginated(app, client, engagement):
    rows = []
    for number in range(21):
        email = f"firma{number}@example.com"
        rows += [
            {"account_number": f"A-{number}", "name": f"{number:03d}a", "email": email},
            {"account_number": f"B-{number}", "name": f"{number:03d}b", "email": email},
        ]
    add_customers(app, engagement, *rows)
    first = client.get(f"{base(engagement)}/duplicates").text
    second = client.get(f"{base(engagement)}/duplicates?page=2").text
    assert len(pair_ids(first)) == 40
    assert len(pair_ids(second)) == 2
    assert "Page 2 of 2" in second
    # A page past the end shows the last one.
    assert pair_ids(client.get(f"{base(engagement)}/duplicates?page=9").text) == (
        pair_ids(second)
    )


@pytest.mark.parametrize("role", [Role.SPONSOR, Role.TEAM])
def test_sponsor_and_team_see_the_list_without_merge_buttons(
    app, client, factory, auth, role
):
    owner = factory.user("deniz@example.com")
    engagement_id = factory.engagement(owner)
    member = factory.user("uye@example.com", site_role=SiteRole.MEMBER)
    factory.member(engagement_id, member, role)
    add_customers(
        app,
        engagement_id,
        {"account_number": "C-1", "name": "Alfa Kimya", "email": "a@alfa.com"},
        {
            "account_number": "C-2",
            "name": "Alfa Kimya Ltd. Şti.",
            "email": "a@alfa.com",
        },
    )
    auth.login("uye@example.com", PASSWORD)
    page = client.get(f"{base(engagement_id)}/duplicates")
    assert page.status_code == 200
    assert "Same e-mail" in page.text
    assert not pair_ids(page.text)


def test_another_engagements_list_is_not_found(client, auth, two_companies):
    auth.login(two_companies.our_consultant)
    assert client.get(f"{base(two_companies.theirs)}/duplicates").status_code == 404


# --- the search, a job --------------------------------------------------------


@pytest.fixture
def app_config(tmp_path) -> dict:
    """Uploads in a temporary folder, for the import that outdates the pairs."""
    return {"IMPORT_FOLDER": str(tmp_path / "imports")}


def searches(app) -> list[tuple[int, JobStatus]]:
    with app.app_context():
        return db.session.execute(
            select(Job.id, Job.status)
            .where(Job.kind == JobKind.DUPLICATES)
            .order_by(Job.id)
        ).all()


def test_the_pairs_are_found_once_by_a_job_and_kept_for_every_visit(
    app, client, engagement
):
    first, second, _other = add_customers(
        app,
        engagement,
        {"account_number": "C-1", "name": "Alfa Kimya", "email": "a@alfa.com"},
        {"account_number": "C-2", "name": "Zeta Metal", "email": "a@alfa.com"},
        {"account_number": "C-3", "name": "Beta Lojistik"},
    )
    for _visit in range(3):
        page = client.get(f"{base(engagement)}/duplicates").text
        assert pair_ids(page) == {(first, second), (second, first)}
    [(job_id, status)] = searches(app)
    assert status == JobStatus.DONE
    assert count(app, DuplicatePair, job_id=job_id) == 1
    jobs_page = client.get(f"/engagements/{engagement}/jobs/").text
    assert "Search for duplicate customers" in jobs_page
    job_page = client.get(f"/engagements/{engagement}/jobs/{job_id}").text
    assert f'href="{base(engagement)}/duplicates"' in job_page


def test_while_the_search_runs_the_list_shows_its_progress(
    app, client, engagement, monkeypatch
):
    first, second = add_customers(
        app,
        engagement,
        {"account_number": "C-1", "name": "Alfa Kimya", "phone": "0212 555 12 34"},
        {"account_number": "C-2", "name": "Zeta Metal", "phone": "+902125551234"},
    )
    monkeypatch.setattr(queue, "enqueue", lambda _job_id: None)  # no worker yet
    page = client.get(f"{base(engagement)}/duplicates").text
    [(job_id, status)] = searches(app)
    assert status == JobStatus.QUEUED
    assert "Looking for customers entered twice" in page
    assert "Waiting for a worker" in page
    assert f'data-job-poll="/engagements/{engagement}/jobs/{job_id}/status"' in page
    assert not pair_ids(page)
    # Another visit (another tab, another server) follows the same search.
    client.post("/account/language", data={"language": "tr", "next": "/"})
    page = client.get(f"{base(engagement)}/duplicates").text
    assert "İki kez girilmiş müşteriler aranıyor" in page
    assert "Müşterileri yeniden karşılaştır" not in page  # not over yet
    assert len(searches(app)) == 1
    client.post("/account/language", data={"language": "en", "next": "/"})

    with app.app_context():
        services.run(job_id)  # the worker
    state = client.get(f"/engagements/{engagement}/jobs/{job_id}/status").json
    assert state["finished"]
    assert state["result_url"].endswith(f"{base(engagement)}/duplicates")
    page = client.get(f"{base(engagement)}/duplicates").text
    assert pair_ids(page) == {(first, second), (second, first)}


def test_an_outdated_search_finishing_last_leaves_the_current_pairs(
    app, client, engagement, monkeypatch
):
    first, second = add_customers(
        app,
        engagement,
        {"account_number": "C-1", "name": "Alfa Kimya", "email": "a@alfa.com"},
        {"account_number": "C-2", "name": "Beta Lojistik", "email": "b@beta.com"},
    )
    monkeypatch.setattr(queue, "enqueue", lambda _job_id: None)
    client.get(f"{base(engagement)}/duplicates")
    client.post(
        f"{base(engagement)}/{second}/edit",
        data={"account_number": "C-2", "name": "Beta Lojistik", "email": "a@alfa.com"},
    )
    client.get(f"{base(engagement)}/duplicates")
    outdated, latest = (job_id for job_id, _status in searches(app))
    with app.app_context():
        services.run(latest)
        services.run(outdated)
    page = client.get(f"{base(engagement)}/duplicates").text
    assert pair_ids(page) == {(first, second), (second, first)}
    assert len(searches(app)) == 2


def test_an_import_makes_the_pairs_outdated(app, client, engagement):
    (ours,) = add_customers(
        app, engagement, {"account_number": "X-1", "name": "Şimşek Gıda A.Ş."}
    )
    assert "No possible duplicates" in client.get(f"{base(engagement)}/duplicates").text
    imported(client, engagement, csv_bytes(CUSTOMERS), "müşteriler.csv")
    page = client.get(f"{base(engagement)}/duplicates").text
    with app.app_context():
        theirs = db.session.scalar(
            select(Customer.id).where(Customer.account_number == "C-001")
        )
    assert pair_ids(page) == {(ours, theirs), (theirs, ours)}
    assert [status for _id, status in searches(app)] == [JobStatus.DONE] * 2
    # The new search's pairs replace the old one's.
    assert count(app, DuplicatePair) == 1


def test_a_merge_mends_the_pairs_without_a_new_search(app, client, engagement):
    alfa, alfa_ltd, zeta, beta, kappa = add_customers(
        app,
        engagement,
        {"account_number": "C-1", "name": "Alfa Kimya"},
        {
            "account_number": "C-2",
            "name": "Alfa Kimya Ltd. Şti.",
            "email": "s@alfa.com",
        },
        {"account_number": "C-3", "name": "Zeta Metal", "email": "s@alfa.com"},
        {"account_number": "C-4", "name": "Beta Tarım", "phone": "0212 555 12 34"},
        {"account_number": "C-5", "name": "Kappa Enerji", "phone": "0212 555 12 34"},
    )
    page = client.get(f"{base(engagement)}/duplicates").text
    assert {tuple(sorted(ids)) for ids in pair_ids(page)} == {
        (alfa, alfa_ltd),
        (alfa_ltd, zeta),
        (beta, kappa),
    }
    client.post(merge_url(engagement, alfa, alfa_ltd))
    page = client.get(f"{base(engagement)}/duplicates").text
    # The absorbed record's pairs went with it; the kept one took its e-mail,
    # and with it its pair.
    assert {tuple(sorted(ids)) for ids in pair_ids(page)} == {
        (alfa, zeta),
        (beta, kappa),
    }
    assert "Same e-mail" in page
    assert len(searches(app)) == 1


def test_a_failed_search_says_so_and_can_run_again(
    app, client, engagement, monkeypatch
):
    first, second = add_customers(
        app,
        engagement,
        {"account_number": "C-1", "name": "Alfa Kimya", "email": "a@alfa.com"},
        {"account_number": "C-2", "name": "Zeta Metal", "email": "a@alfa.com"},
    )

    def broken(_customers, _on_progress=None):
        raise RuntimeError("out of memory")

    monkeypatch.setattr(merging.duplicates, "suggest", broken)
    page = client.get(f"{base(engagement)}/duplicates").text
    assert "This job stopped on an unexpected error" in page
    assert "Compare the customers again" in page
    monkeypatch.undo()
    page = client.get(f"{base(engagement)}/duplicates").text
    assert pair_ids(page) == {(first, second), (second, first)}
    assert [status for _id, status in searches(app)] == [
        JobStatus.FAILED,
        JobStatus.DONE,
    ]


def test_another_engagements_search_is_not_found(app, client, auth, two_companies):
    add_customers(
        app,
        two_companies.theirs,
        {"account_number": "Z-1", "name": "Gizli Kimya", "email": "g@gizli.com"},
        {"account_number": "Z-2", "name": "Gizli Metal", "email": "g@gizli.com"},
    )
    auth.login(two_companies.their_consultant)
    client.get(f"{base(two_companies.theirs)}/duplicates")
    [(job_id, _status)] = searches(app)
    auth.logout()
    auth.login(two_companies.our_consultant)
    for engagement_id in (two_companies.ours, two_companies.theirs):
        jobs = f"/engagements/{engagement_id}/jobs/{job_id}"
        assert client.get(jobs).status_code == 404
        assert client.get(f"{jobs}/status").status_code == 404
        assert client.post(f"{jobs}/cancel").status_code == 404
    page = client.get(f"{base(two_companies.ours)}/duplicates").text
    assert "Gizli" not in page


# --- merging ------------------------------------------------------------------


@pytest.fixture
def pair(app, engagement) -> dict[str, int]:
    """Two records of one customer, each with some history and an analysis row;
    and a bystander."""
    keep, absorb, other = add_customers(
        app,
        engagement,
        {
            "account_number": "C-1",
            "name": "Örnek Gıda A.Ş.",
            "email": "satis@ornek.com",
            "city": "İstanbul",
            "customisation_notes": "Aylık ziyaret.",
        },
        {
            "account_number": "C-2",
            "name": "ÖRNEK GIDA",
            "email": "eski@ornek.com",
            "city": "Ankara",
            "phone": "0 (212) 555 12 34",
            "address": "Atatürk Cad. 1",
            "sector": "Gıda",
            "strategic_potential": 4,
            "lifecycle_stage": LifecycleStage.RETENTION,
            "customisation_notes": "Özel fiyat listesi.",
        },
        {"account_number": "C-3", "name": "Beta Lojistik"},
    )
    add_history(app, engagement, keep, sales=2)
    add_history(app, engagement, absorb, sales=3)
    add_history(app, engagement, other, sales=1)
    snapshot_id = add_snapshot(
        app, engagement, {"C-1": keep, "C-2": absorb, "C-3": other}
    )
    with app.app_context():
        db.session.add(
            GroupOverride(
                customer_id=absorb, value_group=ValueGroup.MVC, reason="Sektör lideri"
            )
        )
        db.session.commit()
    return {
        "engagement": engagement,
        "keep": keep,
        "absorb": absorb,
        "other": other,
        "snapshot": snapshot_id,
    }


def test_the_confirmation_page_says_what_will_happen_and_changes_nothing(
    app, client, pair
):
    url = merge_url(pair["engagement"], pair["keep"], pair["absorb"])
    page = client.get(url)
    assert page.status_code == 200
    text = page.text
    assert "ÖRNEK GIDA (C-2) will be merged into Örnek Gıda A.Ş. (C-1)" in text
    # Counts of what moves: 1 contact, 3 sales, 1 complaint, 1 interaction.
    assert re.search(r"Sales</th><td>3</td>", text)
    assert re.search(r"Contacts</th><td>1</td>", text)
    # Fields filled: only the empty ones.
    assert "Atatürk Cad. 1" in text
    assert "0 (212) 555 12 34" in text
    assert "The value-group override moves to the kept record." in text
    swap = merge_url(pair["engagement"], pair["absorb"], pair["keep"])
    assert f'href="{swap}"' in text
    # Nothing changed.
    assert count(app, Customer, engagement_id=pair["engagement"]) == 3
    assert count(app, Transaction, customer_id=pair["absorb"]) == 3
    assert count(app, GroupOverride, customer_id=pair["absorb"]) == 1


def test_merge_moves_every_kind_of_row_and_deletes_the_absorbed_record(
    app, client, pair
):
    engagement = pair["engagement"]
    response = client.post(merge_url(engagement, pair["keep"], pair["absorb"]))
    assert response.status_code == 302
    assert response.headers["Location"].endswith(
        f"/engagements/{engagement}/design/customers/{pair['keep']}"
    )
    assert count(app, Customer, id=pair["absorb"]) == 0
    for model, kept in (
        (Contact, 2),
        (Transaction, 5),
        (Complaint, 2),
        (Interaction, 2),
    ):
        assert count(app, model, customer_id=pair["keep"]) == kept, model
        assert count(app, model, customer_id=pair["absorb"]) == 0, model
    # The bystander is untouched.
    assert count(app, Transaction, customer_id=pair["other"]) == 1
    assert count(app, Contact, customer_id=pair["other"]) == 1

    with app.app_context():
        kept = db.session.get(Customer, pair["keep"])
        # Filled where empty, never overwritten.
        assert kept.name == "Örnek Gıda A.Ş."
        assert kept.email == "satis@ornek.com"
        assert kept.city == "İstanbul"
        assert kept.phone == "0 (212) 555 12 34"
        assert kept.address == "Atatürk Cad. 1"
        assert kept.sector == "Gıda"
        assert kept.strategic_potential == 4
        assert kept.lifecycle_stage == LifecycleStage.RETENTION
        assert kept.customisation_notes.startswith("Aylık ziyaret.")
        assert kept.customisation_notes.endswith("C-2: Özel fiyat listesi.")
        override = db.session.get(GroupOverride, pair["keep"])
        assert override.value_group == ValueGroup.MVC
        assert override.reason == "Sektör lideri"
        # The analysis is history: every row stays, the merged one unlinked.
        results = {
            row.account_number: row.customer_id
            for row in db.session.scalars(
                select(SnapshotResult).where(
                    SnapshotResult.snapshot_id == pair["snapshot"]
                )
            )
        }
    assert results == {"C-1": pair["keep"], "C-2": None, "C-3": pair["other"]}

    page = client.get(response.headers["Location"]).text
    assert "ÖRNEK GIDA (C-2) was merged into Örnek Gıda A.Ş. (C-1)" in page
    assert "6 records moved" in page


def test_the_kept_records_own_override_wins(app, client, pair):
    with app.app_context():
        db.session.add(
            GroupOverride(
                customer_id=pair["keep"], value_group=ValueGroup.BZ, reason="Kendi"
            )
        )
        db.session.commit()
    url = merge_url(pair["engagement"], pair["keep"], pair["absorb"])
    assert "keeps its own value-group override" in client.get(url).text
    client.post(url)
    with app.app_context():
        overrides = db.session.scalars(select(GroupOverride)).all()
        assert [(o.customer_id, o.value_group) for o in overrides] == [
            (pair["keep"], ValueGroup.BZ)
        ]


def test_swapped_merge_keeps_the_other_record(app, client, pair):
    client.post(merge_url(pair["engagement"], pair["absorb"], pair["keep"]))
    assert count(app, Customer, id=pair["keep"]) == 0
    assert count(app, Transaction, customer_id=pair["absorb"]) == 5
    with app.app_context():
        kept = db.session.get(Customer, pair["absorb"])
        assert kept.email == "eski@ornek.com"  # its own, not overwritten
        assert kept.customisation_notes == (
            "Özel fiyat listesi.\n\n---\nC-1: Aylık ziyaret."
        )


def test_a_record_cannot_be_merged_into_itself(app, client, pair):
    url = merge_url(pair["engagement"], pair["keep"], pair["keep"])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert count(app, Customer, id=pair["keep"]) == 1


def test_a_merged_record_cannot_be_merged_again(app, client, pair):
    url = merge_url(pair["engagement"], pair["keep"], pair["absorb"])
    client.post(url)
    assert client.post(url).status_code == 404
    assert count(app, Transaction, customer_id=pair["keep"]) == 5


def test_merging_across_engagements_is_not_found(app, client, auth, two_companies):
    auth.logout()
    auth.login(two_companies.our_consultant)
    (ours,) = add_customers(
        app,
        two_companies.ours,
        {"account_number": "G-1", "name": "Gizli Müşteri"},
    )
    theirs = two_companies.their_rows["customer_id"]
    for url in (
        merge_url(two_companies.ours, ours, theirs),
        merge_url(two_companies.ours, theirs, ours),
        merge_url(two_companies.theirs, ours, theirs),
        merge_url(two_companies.theirs, theirs, ours),
    ):
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code == 404, url
    assert count(app, Customer, id=ours) == 1
    assert count(app, Customer, id=theirs) == 1
    assert count(app, Contact, customer_id=theirs) == 1


@pytest.mark.parametrize("role", [Role.SPONSOR, Role.TEAM])
def test_sponsor_and_team_cannot_merge(app, client, factory, auth, pair, role):
    member = factory.user("uye@example.com", site_role=SiteRole.MEMBER)
    factory.member(pair["engagement"], member, role)
    auth.logout()
    auth.login("uye@example.com")
    url = merge_url(pair["engagement"], pair["keep"], pair["absorb"])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert count(app, Customer, id=pair["absorb"]) == 1


@pytest.mark.parametrize("app_config", [{"WTF_CSRF_ENABLED": True}])
def test_a_merge_needs_the_csrf_token(app, client, pair):
    login = client.get("/login").text
    client.post(
        "/login",
        data={
            "email": "deniz@example.com",
            "password": PASSWORD,
            "csrf_token": csrf_token(login),
        },
    )
    url = merge_url(pair["engagement"], pair["keep"], pair["absorb"])
    page = client.get(url)
    assert page.status_code == 200
    assert client.post(url).status_code == 400
    assert count(app, Customer, id=pair["absorb"]) == 1
    response = client.post(url, data={"csrf_token": csrf_token(page.text)})
    assert response.status_code == 302
    assert count(app, Customer, id=pair["absorb"]) == 0


def csrf_token(page: str) -> str:
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)


def test_a_record_gone_meanwhile_is_refused_and_nothing_moves(app, pair):
    with app.app_context():
        engagement = db.session.get(Engagement, pair["engagement"])
        keep = db.session.get(Customer, pair["keep"])
        absorb = db.session.get(Customer, pair["absorb"])
        consultant = db.session.get(User, engagement.created_by_id)
        # gone in another tab, after this one read both records
        db.session.execute(delete(Customer).where(Customer.id == absorb.id))
        with pytest.raises(Refusal) as refused:
            merging.merge(engagement, keep, absorb, consultant)
    assert refused.value.code == "gone"
    assert count(app, Transaction, customer_id=pair["keep"]) == 2


def test_a_refused_merge_says_why_on_the_list(app, client, pair, monkeypatch):
    def gone(*_args):
        raise Refusal("gone")

    monkeypatch.setattr(merging, "merge", gone)
    response = client.post(merge_url(pair["engagement"], pair["keep"], pair["absorb"]))
    assert response.location.endswith("/design/customers/duplicates")
    page = client.get(response.location).text
    assert "One of the two customers no longer exists." in page
