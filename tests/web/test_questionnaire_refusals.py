"""A refused section save names the answers it refused, in the field's own
terms, and never reads as missing answers (issue 19, the questionnaire)."""

import html

from sqlalchemy import select

from app.extensions import db
from app.models import Answer
from assessments.questionnaire import Category
from tests.preparation_answers import answer_as, form_posts
from tests.questionnaire_helpers import start, take_of


def need_section(client, engagement) -> tuple[str, dict]:
    base = f"/engagements/{engagement}/preparation"
    take_id = take_of(start(client, base).location)
    [(_, data)] = [
        post for post in form_posts(answer_as(Category.SAVER)) if post[0] == "need"
    ]
    return f"{base}/takes/{take_id}/need", data


def test_an_optional_number_given_in_words_is_named_not_counted_as_missing(
    app, client, engagement
):
    url, data = need_section(client, engagement)
    response = client.post(url, data=data | {"need_active_customers": "about 1,200"})
    assert response.status_code == 200
    page = html.unescape(response.text)
    summary = page[
        page.index('id="refused"') : page.index("</div>", page.index('id="refused"'))
    ]
    assert "This section was not saved: 1 answer needs correcting." in summary
    assert "Roughly how many active customers does the company have?" in summary
    assert 'href="#need_active_customers"' in summary
    assert "no answer yet" not in page
    assert "Enter a whole number from 0 to 10,000,000 in digits, such as 1,234." in page
    assert "-1,234.5" not in page
    # what was typed stays in the form; nothing of the section was stored
    assert 'value="about 1,200"' in page
    with app.app_context():
        assert db.session.scalars(select(Answer)).all() == []


def test_a_refused_save_counts_only_what_the_form_really_left_empty(client, engagement):
    url, data = need_section(client, engagement)
    del data["need_competition"]
    response = client.post(url, data=data | {"need_active_customers": "-5"})
    page = html.unescape(response.text)
    assert "1 answer needs correcting" in page
    assert "1 required question in this section has no answer yet." in page


def test_a_count_out_of_its_bounds_says_them_grouped_the_readers_way(
    client, auth, factory, engagement
):
    url, data = need_section(client, engagement)
    client.post("/account/language", data={"language": "tr"})
    response = client.post(url, data=data | {"need_active_customers": "20.000.000"})
    page = html.unescape(response.text)
    assert "0 ile 10.000.000 arasında bir tam sayı girin, örneğin 1.234." in page


def test_a_count_in_the_readers_notation_is_saved(app, client, engagement):
    url, data = need_section(client, engagement)
    response = client.post(url, data=data | {"need_active_customers": "1,200"})
    assert response.status_code == 302
    with app.app_context():
        stored = db.session.scalar(
            select(Answer).where(Answer.question_id == "need_active_customers")
        )
        assert stored.value == 1200
