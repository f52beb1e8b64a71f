"""The result page explains its numbers and says what to do next (issue 19,
the result page): the category chart's points out of the most possible, the
maturity profile's answers with their weights, and concrete next steps, each
linked to the screen where it is done."""

import html

from app.models import SiteRole
from assessments.questionnaire import Category
from assessments.roles import Role
from tests.pdf import issue_report, pdf_text
from tests.preparation_answers import answer_as, form_posts
from tests.questionnaire_helpers import complete, post_sections, start, take_of


def assessed(client, engagement, answers) -> tuple[str, int]:
    base = f"/engagements/{engagement}/preparation"
    take_id = take_of(start(client, base).location)
    post_sections(client, base, take_id, form_posts(answers))
    complete(client, base, take_id)
    return base, take_id


def result_page(client, engagement, answers) -> str:
    base, take_id = assessed(client, engagement, answers)
    return html.unescape(client.get(f"{base}/takes/{take_id}/result").text)


def between(page: str, start: str, end: str) -> str:
    part = page[page.index(start) :]
    return part[: part.index(end)]


def test_the_category_chart_says_its_points_come_from_which_answers_out_of_how_many(
    client, engagement
):
    page = result_page(client, engagement, answer_as(Category.SAVER))
    assert "each answer gives up to 3 points" in page
    assert "The bars run to 39, the most a category can reach." in page
    table = between(page, "category-points grid", "</table>")
    saver = between(table, '<th scope="row">Savers</th>', "</tr>")
    assert "of 39" in saver
    assert "What made the company put CRM on its agenda now?" in saver
    assert "Sales, marketing and service costs keep rising" in saver


def test_the_maturity_profile_lists_the_answers_that_feed_each_dimension(
    client, engagement
):
    answers = answer_as(Category.SAVER) | {"today_measurement": 1}
    page = result_page(client, engagement, answers)
    measurement = between(
        page, "Measurement 37.5: the answers that feed it", "</details>"
    )
    row = between(measurement, "We measure customer retention", "</tr>")
    assert "<td>1 / 5</td><td>50</td><td>0</td>" in row
    assert "How would you judge whether the CRM project has worked?" in measurement


def test_the_next_steps_follow_this_take_and_link_to_their_screens(client, engagement):
    reluctant = answer_as(Category.SAVER, supportive=False)
    page = result_page(client, engagement, reluctant)
    steps = between(page, 'id="next-steps"', "</ol>")
    base = f"/engagements/{engagement}"
    assert "The gate “Top-management backing” failed." in steps
    assert f'href="{base}/preparation/takes/' in steps and '#gate-backing"' in steps
    assert "invite the sponsor" in steps and f'href="{base}/members"' in steps
    assert "Record the project organisation" in steps
    assert f'href="{base}/preparation/organisation"' in steps
    # the saver's own step comes last
    assert steps.rindex("Show top management") > steps.index("Record the project")
    assert f'href="{base}/preparation/change-log"' in steps


def test_a_sponsor_and_an_organisation_with_a_warning_change_the_steps(
    client, auth, factory, engagement
):
    sponsor = factory.user("boss@example.com", "Büşra Patron", SiteRole.MEMBER)
    factory.member(engagement, sponsor, Role.SPONSOR)
    client.post(
        f"/engagements/{engagement}/preparation/organisation",
        data={
            "name": "Cem Bilgi",
            "title": "IT Manager",
            "department": "it",
            "email": "",
            "is_project_manager": "y",
            "crm_knowledge": "y",
        },
    )
    page = result_page(client, engagement, answer_as(Category.STRATEGIC_THINKER))
    steps = between(page, 'id="next-steps"', "</ol>")
    assert "invite the sponsor" not in steps
    assert "failed" not in steps
    assert "Ask the sponsor to decide on the gates still waiting" in steps
    assert "comes from the IT department" in steps
    assert "Plan the awareness activities" in steps


def test_the_report_names_each_dimensions_answers_briefly(app, client, engagement):
    with app.app_context():
        from app.extensions import db
        from app.models import Engagement

        db.session.get(Engagement, engagement).report_language = "en"
        db.session.commit()
    assessed(client, engagement, answer_as(Category.SAVER) | {"today_measurement": 1})
    text = " ".join(
        pdf_text(issue_report(client, engagement, "preparation").data).split()
    )
    assert "Measurement 37.5:" in text
    assert (
        "We measure customer retention and satisfaction regularly. — 1 / 5: 0 of 50"
        in text
    )
    assert "The bars run to 39" in text
