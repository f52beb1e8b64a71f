"""The demo engagement's customer data: a few hundred dealers and buyers with
two years of sales, contacts, complaints and interactions, and two analyses a
year apart, so every design page has something true to show."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from sqlalchemy import insert

from app import takes
from app.design import analyses, customers
from app.design import strategies as group_strategies
from app.extensions import db
from app.models import (
    Complaint,
    Contact,
    Customer,
    Engagement,
    Interaction,
    Transaction,
    User,
)
from app.questionnaire_pages.services import IDIC
from assessments.examples import typical_answers
from assessments.idic import Channel, InteractionDirection, LifecycleStage, Segment
from assessments.planning import CrmStrategy
from assessments.questionnaire import Category, Kind
from assessments.value_groups import ValueGroup

_PLACES = ("Ege", "Marmara", "Anadolu", "Karadeniz", "Akdeniz", "Toros", "Başkent")
_TRADES = ("Makine", "Otomotiv", "Yapı", "Enerji", "Tarım", "Metal", "Hidrolik")
_CITIES = ("İstanbul", "Ankara", "İzmir", "Bursa", "Konya", "Kayseri", "Adana")
_FORMS = ("San. ve Tic. A.Ş.", "Ltd. Şti.")
_PRODUCTS = ("Pik döküm gövde", "Yedek parça seti", "Pompa gövdesi", "Bakım hizmeti")


def load_design_demo(engagement: Engagement, consultant: User) -> None:
    """Customers, two years of their sales, and two analyses a year apart."""
    rng = np.random.default_rng(7)
    today = date.today()
    rows = _customers(engagement.id, rng, today)
    db.session.add_all(rows)
    db.session.flush()
    _transactions(engagement.id, [row.id for row in rows], rng, today)
    _contacts_and_events(engagement.id, rows, rng, today, consultant)
    db.session.commit()
    customers.set_override(
        rows[3],
        ValueGroup.MVC,
        "Sektörün en bilinen firması; referans olarak stratejik önemi var.",
        consultant,
    )
    _capability_take(engagement, consultant)
    for as_of in (today - timedelta(days=365), today):
        analyses.take_snapshot(engagement, analyses.Settings(as_of=as_of), consultant)
    group_strategies.save_strategy(
        engagement.id,
        Segment.MVC,
        {
            "crm_strategy": CrmStrategy.LOYALTY,
            "actions": "Üç ayda bir ziyaret, öncelikli teslimat, yıllık anlaşma.",
            "channel": Channel.FACE_TO_FACE,
            "owner_id": None,
        },
    )
    group_strategies.save_strategy(
        engagement.id,
        Segment.BZ,
        {
            "crm_strategy": CrmStrategy.WIN_BACK,
            "actions": "Hizmet maliyetini düşür; siparişleri e-posta ile al.",
            "channel": Channel.EMAIL,
            "owner_id": None,
        },
    )


def _customers(engagement_id: int, rng, today: date) -> list[Customer]:
    rows = []
    for index in range(len(_PLACES) * len(_TRADES) * len(_CITIES)):
        place = _PLACES[index % len(_PLACES)]
        trade = _TRADES[index // len(_PLACES) % len(_TRADES)]
        city = _CITIES[index // (len(_PLACES) * len(_TRADES))]
        complete = rng.random() < 0.7
        rows.append(
            Customer(
                engagement_id=engagement_id,
                account_number=f"120.{index + 1:04d}",
                name=f"{place} {trade} {city} {_FORMS[index % 2]}",
                city=city,
                sector=trade,
                phone=f"0 (5{index % 10}2) 555 {index:04d}" if complete else "",
                email=f"satinalma{index}@example.com.tr" if complete else "",
                address=f"Organize Sanayi Bölgesi {index % 40 + 1}. Cadde"
                if complete
                else "",
                strategic_potential=int(rng.integers(1, 6)),
                lifecycle_stage=list(LifecycleStage)[int(rng.integers(0, 4))],
                last_verified_on=today - timedelta(days=int(rng.integers(0, 700))),
            )
        )
    return rows


def _transactions(engagement_id: int, ids: list[int], rng, today: date) -> None:
    """Skewed sales: a few heavy buyers, many occasional ones, some returns."""
    count = 6000
    weights = rng.pareto(1.3, len(ids)) + 1
    buyers = rng.choice(ids, count, p=weights / weights.sum())
    days = rng.integers(0, 730, count)
    amounts = np.round(rng.lognormal(9, 0.9, count), 2)
    amounts[rng.random(count) < 0.02] *= -1
    db.session.execute(
        insert(Transaction),
        [
            {
                "engagement_id": engagement_id,
                "customer_id": int(buyer),
                "occurred_on": today - timedelta(days=int(day)),
                "amount": float(amount),
                "profit": round(float(amount) * 0.18, 2),
                "product": _PRODUCTS[int(day) % len(_PRODUCTS)],
            }
            for buyer, day, amount in zip(buyers, days, amounts, strict=True)
        ],
    )


def _contacts_and_events(engagement_id, rows, rng, today, consultant) -> None:
    channels = list(Channel)
    for index, row in enumerate(rows):
        if index % 3 != 2:
            db.session.add(
                Contact(
                    customer_id=row.id,
                    name=f"Satın Alma Sorumlusu {index + 1}",
                    title="Satın alma müdürü",
                    is_decision_maker=index % 3 == 0,
                )
            )
        if index % 4 == 0:
            db.session.add(
                Interaction(
                    engagement_id=engagement_id,
                    customer_id=row.id,
                    occurred_on=today - timedelta(days=int(rng.integers(0, 300))),
                    channel=channels[index % len(channels)],
                    direction=InteractionDirection.OUTBOUND,
                    note="Yeni fiyat listesi ve teslim süreleri konuşuldu.",
                    recorded_by_id=consultant.id,
                )
            )
        if index % 15 == 0:
            db.session.add(
                Complaint(
                    engagement_id=engagement_id,
                    customer_id=row.id,
                    received_on=today - timedelta(days=int(rng.integers(0, 300))),
                    product=_PRODUCTS[0],
                    text="Teslimat iki hafta gecikti.",
                )
            )


def _capability_take(engagement: Engagement, consultant: User) -> None:
    """A completed IDIC capability questionnaire of a company that knows its
    customers better than it treats them differently."""
    take = takes.start_take(engagement, IDIC, consultant)
    definition = takes.definition_of(take)
    answers = typical_answers(definition, Category.STRATEGIC_THINKER)
    for number, section in enumerate(definition.sections):
        for question in section.questions:
            if question.kind == Kind.SCALE:
                answers[question.id] = max(1, 4 - number)
    takes.record_answers(take, answers, consultant)
    takes.complete_take(take, consultant)
