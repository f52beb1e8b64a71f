"""The organisation's rules read what the method says: managers, the working
group's make-up shared with the planning sessions, one sponsor, one project
manager, a consultant who can be checked (DOMAIN.md, Phase 1 — Preparation,
step 5, and Phase 2 — Planning, "Working group")."""

from __future__ import annotations


def organisation_url(engagement_id: int) -> str:
    return f"/engagements/{engagement_id}/preparation/organisation"


def add(client, engagement_id: int, name: str, department: str, *flags: str) -> None:
    data = {"name": name, "department": department} | dict.fromkeys(flags, "y")
    assert client.post(organisation_url(engagement_id), data=data).status_code == 302


def findings_of(client, engagement_id: int) -> str:
    page = client.get(organisation_url(engagement_id)).text
    return page.split("Checks of the method")[1].split("</section>")[0]


def test_a_front_line_technician_on_the_team_is_no_manager_of_service(
    client, engagement
):
    """DOMAIN.md, Phase 1 — Preparation, step 5: the project team is the
    operational departments' managers."""
    add(
        client,
        engagement,
        "Tamer Teknik",
        "service",
        "in_project_team",
        "is_front_line",
    )
    assert "no manager from: Marketing, Sales, Logistics, Finance, Service" in (
        findings_of(client, engagement)
    )
    add(client, engagement, "Serap Servis", "service", "in_project_team")
    assert "no manager from: Marketing, Sales, Logistics, Finance." in (
        findings_of(client, engagement)
    )


def test_the_working_group_make_up_reads_the_same_on_both_pages(client, engagement):
    """DOMAIN.md, Phase 2 — Planning, "Working group": a manager and front-line
    staff of marketing, sales, logistics, finance and human resources."""
    add(client, engagement, "Selim Satış", "sales", "in_working_group")
    add(client, engagement, "Su Satış", "sales", "in_working_group", "is_front_line")
    add(client, engagement, "İnci İK", "human_resources", "in_working_group")
    findings = findings_of(client, engagement)
    assert (
        "The planning working group has no manager from: Marketing, Logistics,"
        " Finance." in findings
    )
    assert (
        "The planning working group has no front-line staff from: Marketing,"
        " Logistics, Finance, Human resources;" in findings
    )
    market = f"/engagements/{engagement}/planning/sessions/market"
    invited = [
        part.split('"')[0]
        for part in client.get(market).text.split('name="invited" value="')[1:]
    ]
    client.post(market, data={"held_on": "", "facilitator": "", "invited": invited})
    session = client.get(market).text
    for department in ("Marketing", "Logistics", "Finance"):
        assert f"No manager from {department}." in session
        assert f"No front-line staff from {department}." in session
    assert "No front-line staff from Human resources." in session
    assert "No manager from Human resources." not in session
    assert "from Sales." not in session


def test_a_second_sponsor_and_a_second_project_manager_are_warned(client, engagement):
    """DOMAIN.md, Phase 1 — Preparation, step 5: the sponsor is the top
    decision maker, and backs the project manager in everything."""
    add(
        client,
        engagement,
        "Ayşe Yılmaz",
        "management",
        "is_sponsor",
        "is_top_decision_maker",
    )
    add(client, engagement, "Deniz Sat", "sales", "is_sponsor")
    add(client, engagement, "Murat Proje", "marketing", "is_project_manager")
    add(client, engagement, "Nil Proje", "finance", "is_project_manager")
    findings = findings_of(client, engagement)
    assert "Deniz Sat is recorded as a sponsor but is not the top decision maker" in (
        findings
    )
    assert "several project managers (Murat Proje, Nil Proje)" in findings


def test_nobody_as_consultant_is_warned_until_one_is_recorded(client, engagement):
    """DOMAIN.md, Phase 1 — Preparation, step 5: the consultant must have CRM
    project experience, which only a recorded consultant can be checked for."""
    assert "Nobody in the organisation is recorded as the consultant" in (
        findings_of(client, engagement)
    )
    add(client, engagement, "Deniz Aydın", "other", "is_consultant", "is_external")
    findings = findings_of(client, engagement)
    assert "Nobody in the organisation is recorded as the consultant" not in findings
    assert "The consultant Deniz Aydın has no CRM project experience." in findings
