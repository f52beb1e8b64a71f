"""Both languages: the switch, the catalog, and locale formats."""

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

from babel.messages.pofile import read_po
from flask_babel import force_locale, format_date, format_decimal
from flask_wtf import FlaskForm

from app.forms import LocalNumberField
from app.i18n.numbers import money, percent, period_label, with_unit
from app.models import SiteRole, User
from assessments.scorecard import Period

ROOT = Path(__file__).resolve().parents[2]
TURKISH_CATALOG = ROOT / "translations" / "tr" / "LC_MESSAGES" / "messages.po"


def test_turkish_user_sees_turkish_labels(client, auth, factory):
    owner = factory.user("tr@example.com", language="tr")
    engagement_id = factory.engagement(owner)
    auth.login("tr@example.com")
    page = client.get(f"/engagements/{engagement_id}").text
    assert '<html lang="tr">' in page
    for label in ("Hazırlık", "Planlama", "Tasarım", "Uygulama", "Başlamadı", "Üyeler"):
        assert label in page
    assert "Not started" not in page


def test_the_language_switch_is_stored_on_the_user(client, auth, factory):
    user_id = factory.user("en@example.com", language="en")
    auth.login("en@example.com")
    response = client.post(
        "/account/language", data={"language": "tr", "next": "/account/"}
    )
    assert response.location == "/account/"
    assert factory.get(User, user_id).language == "tr"
    assert "Parolayı değiştir" in client.get("/account/").text


def test_visitors_switch_language_before_signing_in(client):
    client.post("/account/language", data={"language": "tr", "next": "/login"})
    assert "Giriş yap" in client.get("/login").text


def test_the_browser_language_is_the_default(client):
    page = client.get("/login", headers={"Accept-Language": "tr-TR,tr;q=0.9"}).text
    assert "Giriş yap" in page


def test_error_pages_speak_turkish(client, auth, factory):
    factory.user("tr@example.com", language="tr", site_role=SiteRole.MEMBER)
    auth.login("tr@example.com")
    response = client.get("/engagements/424242")
    assert response.status_code == 404
    assert "Sayfa bulunamadı" in response.text


def test_dates_and_numbers_follow_the_locale(app, client, auth, factory):
    with app.test_request_context(), force_locale("tr"):
        assert format_decimal(1234.56) == "1.234,56"
        assert format_date(date(2025, 12, 31), "short") == "31 Ara 2025"
    with app.test_request_context(), force_locale("en"):
        # day first in English too: "12/31/25" and "Dec 31, 2025" read as
        # the month first outside the US
        assert format_date(date(2025, 12, 31), "short") == "31 Dec 2025"
        assert format_date(date(2025, 12, 31), "long") == "31 Dec 2025"
    owner = factory.user("tr@example.com", language="tr")
    factory.engagement(owner)
    auth.login("tr@example.com")
    # Turkish short dates print the day without a leading zero: 2.12.2026
    assert re.search(r"<td>\d{1,2} [A-ZÇŞ][a-zğış]{2} \d{4}</td>", client.get("/").text)


def test_percentages_put_the_sign_where_the_language_does(app):
    with app.test_request_context():
        with force_locale("tr"):
            assert percent(20.44) == "%20,4"
            assert with_unit(97.3, "%") == "%97,3"
            assert with_unit(1650000, "TRY") == "1.650.000 TRY"
        with force_locale("en"):
            assert percent(20.44) == "20.4%"
            assert percent(5, "#,##0") == "5%"
            assert with_unit(12.5, " % ") == "12.5%"
            assert with_unit(3, "") == "3"
        assert percent(None) == with_unit(None, "%") == "—"


def test_amounts_carry_their_currency_the_readers_way(app):
    with app.test_request_context():
        with force_locale("tr"):
            assert money(35032574.4, "TRY") == "₺35.032.574"
            assert money(-400, "TRY") == "-₺400"
            assert money(1234.5, "EUR", "#,##0.00") == "€1.234,50"
        with force_locale("en"):
            # a symbol made of letters stands apart from the digits
            assert money(35032574.4, "TRY") == "TRY\u00a035,032,574"
            assert money(1234.5, "TRY", "#,##0.00") == "TRY\u00a01,234.50"
            assert money(-400, "USD") == "-$400"
        assert money(None, "TRY") == "—"


def test_every_interface_string_has_a_turkish_translation(tmp_path):
    template = tmp_path / "messages.pot"
    subprocess.run(  # noqa: S603 (fixed arguments)
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-o",
            str(template),
            "--no-location",
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with template.open("rb") as handle:
        extracted = {message.id for message in read_po(handle) if message.id}
    with TURKISH_CATALOG.open("rb") as handle:
        catalog = {m.id: m for m in read_po(handle) if m.id}
    missing = sorted(str(msgid) for msgid in extracted if msgid not in catalog)
    untranslated = sorted(
        str(msgid)
        for msgid in extracted
        if msgid in catalog and (not catalog[msgid].string or catalog[msgid].fuzzy)
    )
    assert not missing, f"run `make messages`; not in the catalog: {missing[:5]}"
    assert not untranslated, f"translate: {untranslated[:5]}"


def test_turkish_translations_keep_their_placeholders():
    with TURKISH_CATALOG.open("rb") as handle:
        for message in read_po(handle):
            if not (message.id and message.string):
                continue
            # A plural's forms each keep the placeholders of the singular.
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string
            strings = strings if isinstance(strings, tuple) else (strings,)
            wanted = sorted(re.findall(r"%\(\w+\)[sd]", ids[0]))
            for text in strings:
                assert sorted(re.findall(r"%\(\w+\)[sd]", text)) == wanted


def test_the_sign_in_reminder_is_translated(client):
    turkish = {"Accept-Language": "tr"}
    response = client.get("/", headers=turkish, follow_redirects=True)
    assert "Bu sayfayı görmek için giriş yapın." in response.text


class NumberForm(FlaskForm):
    amount = LocalNumberField()


def typed(app, language: str, text: str) -> NumberForm:
    """The form as the server reads it when a user of this language types text."""
    with app.test_request_context(method="POST", data={"amount": text}):
        with force_locale(language):
            form = NumberForm(meta={"csrf": False})
            form.validate()
            return form


def test_numbers_are_read_the_way_the_users_language_writes_them(app):
    for language, text, number in (
        ("tr", "1,5", 1.5),
        ("tr", "1.234,5", 1234.5),
        ("tr", "-0,25", -0.25),
        ("tr", "12.5", 12.5),  # the plain form, as programs write it
        ("en", "1,234.5", 1234.5),
        ("en", "1.5", 1.5),
    ):
        form = typed(app, language, text)
        assert (form.amount.data, form.errors) == (number, {}), (language, text)


def test_a_number_that_fits_no_reading_is_refused_not_guessed(app):
    for language, text, example in (
        ("tr", "1.23.4", "-1.234,5"),
        ("tr", "1,234.5", "-1.234,5"),
        ("en", "1,5", "-1,234.5"),
        ("en", "nan", "-1,234.5"),
        ("en", "inf", "-1,234.5"),
        ("en", "twelve", "-1,234.5"),
    ):
        form = typed(app, language, text)
        assert form.amount.data is None, (language, text)
        assert form.errors == {"amount": [f"{_SUCH_AS[language]} {example}."]}


_SUCH_AS = {"en": "Enter a number, such as", "tr": "Bir sayı girin, örneğin"}


class CountForm(FlaskForm):
    customers = LocalNumberField(minimum=0, maximum=10_000_000, whole=True)


def test_a_count_is_refused_in_its_own_terms_with_grouped_limits(app):
    """The issue's case: no negative example for a count, and the limits
    grouped the way the reader writes numbers."""
    for language, text, message in (
        (
            "en",
            "about 1,200",
            "Enter a whole number from 0 to 10,000,000 in digits, such as 1,234.",
        ),
        ("en", "12.5", None),
        ("en", "20000000", None),
        ("tr", "yaklaşık 1.200", "0 ile 10.000.000 arasında"),
    ):
        with app.test_request_context(method="POST", data={"customers": text}):
            with force_locale(language):
                form = CountForm(meta={"csrf": False})
                assert not form.validate(), text
                [error] = form.errors["customers"]
        assert "-" not in error and ("1,234" in error or "1.234" in error), error
        assert message is None or message in error, error


def test_a_count_within_its_bounds_is_taken(app):
    with app.test_request_context(method="POST", data={"customers": "1.200"}):
        with force_locale("tr"):
            form = CountForm(meta={"csrf": False})
            assert form.validate(), form.errors
            assert form.customers.data == 1200


def test_a_stored_number_is_shown_in_the_users_language(app):
    with app.test_request_context(), force_locale("tr"):
        form = NumberForm(meta={"csrf": False}, data={"amount": 1234.5})
        assert 'value="1.234,5"' in form.amount()
        assert 'inputmode="decimal"' in form.amount()


def test_a_measures_period_is_named_in_the_readers_language(app):
    november = date(2026, 11, 1)
    with app.test_request_context():
        for language, monthly, quarterly in (
            ("en", "Nov 2026", "Q4 2026"),
            ("tr", "Kas 2026", "Ç4 2026"),
        ):
            with force_locale(language):
                assert period_label(november, Period.MONTHLY) == monthly
                assert period_label(november, Period.QUARTERLY) == quarterly


def test_an_address_for_forms_answers_a_visit_with_a_page_not_a_bare_error(
    client, auth, factory
):
    factory.user("tr@example.com", language="tr")
    auth.login("tr@example.com")
    response = client.get("/account/language")
    assert response.status_code == 405 and "POST" in response.headers["Allow"]
    assert '<html lang="tr">' in response.text and "Projelerinize dön" in response.text


def test_a_label_set_in_lower_case_keeps_turkish_letters(app):
    """Labels lowered inside a sentence ("3 iptal edildi") follow Turkish
    casing: I → ı and İ → i, never an i with a second dot."""
    template = app.jinja_env.from_string("{{ text | lower }}")
    with app.test_request_context(), force_locale("tr"):
        assert template.render(text="İptal Edildi · IŞIK") == "iptal edildi · ışık"
    with app.test_request_context(), force_locale("en"):
        assert template.render(text="İptal Edildi · IŞIK") == "i̇ptal edildi · işik"
