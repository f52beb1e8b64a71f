"""The duplicate suggestions at 10,000, 50,000 and 100,000 customers.

    .venv/bin/python -m benchmarks.duplicates

Fills the demo engagement on a throw-away SQLite database with synthetic
Turkish companies, about one in twenty-five entered twice (another legal
form, a typo, the same e-mail or phone under another name), then times the
search for duplicates (the job, run in the request here: read every
customer, compare, keep the pairs), one page of the list once the pairs are
kept, a merge (which mends the kept pairs) and the list after it (no new
search).
"""

from __future__ import annotations

import random
import re
import time

from sqlalchemy import delete, func, insert, select

from app.extensions import db
from app.models import Customer, DuplicatePair, Engagement
from benchmarks.demo_client import demo_client

SIZES = (10_000, 50_000, 100_000)
TWICE = 25  # one customer in this many is entered twice

_FIRST = (
    "Örnek Anadolu Akdeniz Ege Marmara Karadeniz Boğaziçi Yıldız Güneş Ay Deniz"
    " Toros Kaya Demir Çelik Altın Gümüş Yeşil Mavi Beyaz Kuzey Güney Doğu Batı"
    " İnci Lale Zeytin Çınar Kartal Şahin Doruk Ufuk Umut Işık Sedef Mercan"
).split()
_SECOND = (
    "Gıda Kimya Metal Tekstil Lojistik Enerji Tarım Turizm İnşaat Mobilya Plastik"
    " Elektrik Otomotiv Makine Ambalaj Kağıt Cam Seramik Yazılım Medikal Boya"
).split()
_FORMS = ("A.Ş.", "Ltd. Şti.", "San. ve Tic. A.Ş.", "", "Anonim Şirketi")


def _customer(number: int, rng: random.Random) -> dict:
    words = [rng.choice(_FIRST), rng.choice(_FIRST), rng.choice(_SECOND)]
    return {
        "account_number": f"M{number:07d}",
        "name": f"{' '.join(words)} {number} {rng.choice(_FORMS)}".strip(),
        "email": f"info{number}@firma{number}.com.tr",
        "phone": f"0212{number:07d}",
    }


def _twice(original: dict, number: int, rng: random.Random) -> dict:
    """The same company entered again, one way or another."""
    copy = {**original, "account_number": f"D{number:07d}"}
    way = rng.randrange(4)
    if way == 0:  # another legal form, nothing else in common
        name = original["name"].rsplit(" ", 1)[0]
        copy.update(name=f"{name} A.Ş.", email=None, phone=None)
    elif way == 1:  # a typo in the name
        name = original["name"]
        at = rng.randrange(1, len(name) - 1)
        copy.update(name=name[:at] + name[at + 1 :], email=None, phone=None)
    elif way == 2:  # the same e-mail under another name
        copy.update(name=f"Şube {number}", phone=None)
    else:  # the same phone, written otherwise
        copy.update(
            name=f"Depo {number}", email=None, phone=f"+90 {original['phone'][1:]}"
        )
    return copy


def customers(size: int) -> list[dict]:
    rng = random.Random(size)  # noqa: S311 (made-up customers, no secret)
    originals = [_customer(number, rng) for number in range(size - size // TWICE)]
    again = [
        _twice(rng.choice(originals), number, rng) for number in range(size // TWICE)
    ]
    return originals + again


def main() -> None:
    with demo_client(JOBS_IMMEDIATE=True) as client:
        app = client.application
        with app.app_context():
            engagement_id = db.session.scalar(
                select(Engagement.id).order_by(Engagement.id)
            )
        base = f"/engagements/{engagement_id}/design/customers"
        for size in SIZES:
            with app.app_context():
                db.session.execute(
                    delete(Customer).where(Customer.engagement_id == engagement_id)
                )
                db.session.execute(
                    insert(Customer),
                    [
                        {"engagement_id": engagement_id, **row}
                        for row in customers(size)
                    ],
                )
                db.session.commit()
            figures = measure(client, base)
            with app.app_context():
                pairs = db.session.scalar(
                    select(func.count()).select_from(DuplicatePair)
                )
            print(
                f"{size:>7,} customers, {pairs:,} pairs:"
                f" search (the job) {figures['search']:6.2f} s;"
                f" a page {figures['page'] * 1000:5.0f} ms;"
                f" a merge {figures['merge'] * 1000:5.0f} ms;"
                f" the list after it {figures['after'] * 1000:5.0f} ms"
            )


def measure(client, base: str) -> dict[str, float]:
    """Seconds of: the first visit of the list (it runs the search), a page,
    the merge of a pair on it, and the list after the merge."""
    figures = {}
    figures["search"], _response = timed(client.get, f"{base}/duplicates")
    figures["page"], listed = timed(client.get, f"{base}/duplicates?page=3")
    keep, absorb = re.findall(r"/customers/merge/(\d+)/(\d+)", listed.text)[0]
    figures["merge"], _response = timed(client.post, f"{base}/merge/{keep}/{absorb}")
    figures["after"], _response = timed(client.get, f"{base}/duplicates")
    return figures


def timed(call, url: str):
    start = time.perf_counter()
    response = call(url)
    assert response.status_code in (200, 302), response.status_code
    return time.perf_counter() - start, response


if __name__ == "__main__":
    main()
