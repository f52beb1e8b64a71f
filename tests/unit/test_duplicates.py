"""Duplicate-customer suggestions: which records look like one customer."""

import pandas as pd
import pytest

from assessments.duplicates import (
    MAX_GROUP,
    normalise_emails,
    normalise_names,
    normalise_phones,
    suggest,
)


def customers(*rows: dict) -> pd.DataFrame:
    """A customers frame; each row gives what it needs, the rest is empty (and
    the default names start differently, so they are never compared)."""
    return pd.DataFrame(
        [
            {
                "id": number,
                "account_number": f"C-{number}",
                "name": row.get("name", f"{number:03d} Firma"),
                "email": row.get("email", ""),
                "phone": row.get("phone", ""),
            }
            for number, row in enumerate(rows, start=1)
        ],
        columns=["id", "account_number", "name", "email", "phone"],
    )


def pairs(result: pd.DataFrame) -> dict[tuple[int, int], tuple[str, ...]]:
    return {
        (int(first), int(second)): reasons
        for first, second, reasons in zip(
            result["first_id"], result["second_id"], result["reasons"], strict=True
        )
    }


# --- phones -------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "0 (212) 555 12 34",
        "+90 212 555 1234",
        "2125551234",
        "+90 (0212) 555-12-34",
        "0090 212 555 12 34",
        "90 212 555 12 34",
    ],
)
def test_turkish_numbers_are_one_number_however_written(written):
    assert normalise_phones(pd.Series([written])).tolist() == ["2125551234"]


def test_foreign_and_short_numbers_are_left_alone_or_ignored():
    phones = pd.Series(["+49 30 1234567", "123", "", None, "9021255512"])
    assert normalise_phones(phones).tolist() == [
        "49301234567",
        "",
        "",
        "",
        "9021255512",
    ]


def test_same_phone_is_a_reason():
    result = suggest(
        customers(
            {"phone": "0 (212) 555 12 34"},
            {"phone": "+90 212 555 1234"},
            {"phone": "2125551234"},
            {"phone": "0 (212) 555 12 35"},
        )
    )
    assert pairs(result) == {
        (1, 2): ("phone",),
        (1, 3): ("phone",),
        (2, 3): ("phone",),
    }


# --- e-mails ------------------------------------------------------------------


def test_emails_are_trimmed_and_lower_cased():
    emails = pd.Series(["  Satis@Ornek.COM.tr ", None])
    assert normalise_emails(emails).tolist() == ["satis@ornek.com.tr", ""]


def test_same_email_is_a_reason_and_empty_ones_are_not():
    result = suggest(
        customers(
            {"email": "Satis@Ornek.com.tr"},
            {"email": " satis@ornek.com.tr "},
            {"email": ""},
            {"email": ""},
            {"email": "satis2@ornek.com.tr"},
        )
    )
    assert pairs(result) == {(1, 2): ("email",)}


def test_a_value_shared_by_many_customers_is_no_sign_of_a_duplicate():
    shared = [{"email": "info@holding.com"}] * (MAX_GROUP + 1)
    assert suggest(customers(*shared)).empty
    few = [{"email": "info@holding.com"}] * 3
    assert len(suggest(customers(*few))) == 3


# --- names --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("ÖRNEK GIDA A.Ş.", "ornek gida"),
        ("Örnek Gıda Anonim Şirketi", "ornek gida"),
        ("Örnek Gıda San. ve Tic. Ltd. Şti.", "ornek gida"),
        ("Örnek Gıda San.Tic.Ltd.Şti.", "ornek gida"),
        ("Koç Holding A. Ş.", "koc holding"),
        ("IŞIK İNŞAAT", "isik insaat"),
        ("Işık inşaat", "isik insaat"),
        ("Acme, Inc.", "acme"),
        ("Müller GmbH", "muller"),
        ("Ahmet ve Oğulları", "ahmet ve ogullari"),
        ("Şahin & Çelik - Tekstil", "sahin celik tekstil"),
        ("Ticaret Ltd", "ticaret"),
        (None, ""),
    ],
)
def test_names_fold_the_turkish_way_without_punctuation_or_legal_form(written, folded):
    assert normalise_names(pd.Series([written])).tolist() == [folded]


def test_the_turkish_capital_i_folds_the_turkish_way():
    # A naive lower() makes "IŞIK" "işik" and "İ" "i̇" (with a combining dot).
    assert normalise_names(pd.Series(["IĞDIR", "İZMİR"])).tolist() == [
        "igdir",
        "izmir",
    ]


def test_one_company_under_its_legal_form_abbreviated_or_spelled_out():
    result = suggest(
        customers(
            {"name": "ÖRNEK GIDA A.Ş."},
            {"name": "Örnek Gıda Anonim Şirketi"},
            {"name": "Örnek Gıda San. ve Tic. Ltd. Şti."},
        )
    )
    assert pairs(result) == {
        (1, 2): ("name",),
        (1, 3): ("name",),
        (2, 3): ("name",),
    }


def test_the_same_words_in_another_order_are_the_same_name():
    result = suggest(customers({"name": "Gıda Örnek"}, {"name": "Örnek Gıda"}))
    assert pairs(result) == {(1, 2): ("name",)}


def test_a_typo_is_a_similar_name():
    result = suggest(
        customers({"name": "Yıldız Tekstil Ltd. Şti."}, {"name": "Yıldız Tekstl"})
    )
    assert pairs(result) == {(1, 2): ("name",)}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Örnek Gıda", "Örnek Gaz"),
        ("Yıldız Tekstil", "Yıldız Turizm"),
        ("Akın İnşaat", "Çelik İnşaat"),
        ("ABC", "ABD"),
        # A similar name that starts differently is not compared (blocking).
        ("Kaya Mobilya", "Xaya Mobilya"),
    ],
)
def test_different_names_are_not_similar(first, second):
    assert suggest(customers({"name": first}, {"name": second})).empty


def test_empty_names_are_not_the_same_name():
    assert suggest(customers({"name": "A.Ş."}, {"name": ""}, {"name": ""})).empty


# --- the result ---------------------------------------------------------------


def test_each_pair_once_lower_id_first_with_all_its_reasons():
    frame = customers(
        {"name": "Örnek Gıda A.Ş.", "email": "a@ornek.com", "phone": "02125551234"},
        {"name": "Beta Lojistik", "email": "b@beta.com"},
        {"name": "ORNEK GIDA", "email": "A@ornek.com", "phone": "+902125551234"},
    ).iloc[::-1]
    result = suggest(frame)
    assert len(result) == 1
    row = result.iloc[0]
    assert (row["first_id"], row["second_id"]) == (1, 3)
    assert row["reasons"] == ("email", "phone", "name")
    assert row["email"] and row["phone"] and row["name"]


def test_more_reasons_score_higher_and_come_first():
    result = suggest(
        customers(
            {"name": "Örnek Gıda", "email": "a@ornek.com"},
            {"name": "Beta Lojistik", "email": "a@ornek.com"},
            {"name": "Örnek Gıda", "email": "x@ornek.com", "phone": "2125551234"},
            {"name": "Örnek Gıda", "email": "x@ornek.com", "phone": "2125551234"},
            {"name": "Yıldız Tekstil"},
            {"name": "Yıldız Tekstl"},
        )
    )
    scores = dict(
        zip(
            zip(result["first_id"], result["second_id"], strict=True),
            result["score"],
            strict=True,
        )
    )
    assert scores[(3, 4)] == 100 - round(100 * 0.2 * 0.3 * 0.4) == 98
    assert scores[(1, 2)] == 80
    assert scores[(1, 3)] == 60
    assert 50 <= scores[(5, 6)] < 60
    assert list(result["score"]) == sorted(result["score"], reverse=True)
    assert result.iloc[0][["first_id", "second_id"]].tolist() == [3, 4]


def test_no_customers_or_no_duplicates_give_an_empty_result():
    empty = customers()
    assert list(suggest(empty).columns) == [
        "first_id",
        "second_id",
        "score",
        "reasons",
        "email",
        "phone",
        "name",
    ]
    assert suggest(empty).empty
    assert suggest(customers({}, {}, {})).empty


def test_comparing_the_names_says_how_far_it_has_got():
    # 300 names in 300 blocks: told about every hundredth, always short of all.
    heard = []
    names = customers(
        *({"name": f"{chr(0x4E00 + n)}{n:03d} Firma"} for n in range(300))
    )
    suggest(names, lambda done, total: heard.append((done, total)))
    assert len(heard) >= 50
    assert all(total == 300 for _done, total in heard)
    assert [done for done, _total in heard] == sorted({done for done, _ in heard})
    assert all(0 < done < 300 for done, _total in heard)
