"""The balanced scorecard through the test client: objectives, measures with
thresholds, typed values by their owner, customer measures that compute
themselves from every analysis, statuses on the overview, the KPIs, and the
planning page keeping the scorecard's rules."""

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, update

from app.extensions import db
from app.implementation.scorecard import goals_have_values
from app.implementation.scorecard import measure_state as scorecard_state
from app.measures import services as measures
from app.models import (
    Engagement,
    Goal,
    Measure,
    MeasureValue,
    Objective,
    Transaction,
    User,
)
from app.planning import services as planning
from assessments.organisation import Department
from assessments.planning import Direction, Perspective
from assessments.roles import Role
from assessments.scorecard import Basis
from tests.questionnaire_helpers import seen_on
from tests.web.test_design import AS_OF, analyse, latest, results, seed


def base(engagement_id: int) -> str:
    return f"/engagements/{engagement_id}/implementation"


def make_goal(app, engagement_id: int, title: str = "Bayileri elde tutmak") -> int:
    with app.app_context():
        engagement = db.session.get(Engagement, engagement_id)
        goal = planning.save_goal(
            engagement,
            None,
            planning.GoalDetails(
                title=title,
                target="",
                deadline=date(2027, 6, 30),
                department=Department.SALES,
                strategy_id=None,
            ),
        )
        return goal.id


def measure_form(goal: int, **overrides) -> dict:
    data = {
        "measure-name": "Elde tutma",
        "measure-perspective": "customer",
        "measure-unit": "%",
        "measure-direction": "higher",
        "measure-baseline": "70",
        "measure-target": "90",
        "measure-scope": "company",
        "measure-department": "",
        "measure-goal_id": str(goal),
        "measure-objective_id": "0",
        "measure-owner_id": "0",
        "measure-computed": "",
        "measure-period": "quarterly",
        "measure-green": "90",
        "measure-amber": "75",
    }
    return data | {f"measure-{key}": value for key, value in overrides.items()}


def add_measure(client, engagement_id, goal_id, **overrides) -> int:
    response = client.post(
        f"{base(engagement_id)}/measures/new", data=measure_form(goal_id, **overrides)
    )
    assert response.status_code == 302, response.text[:2000]
    return int(response.location.rstrip("/").split("/")[-1])


def stored_values(app, measure_id) -> list[tuple[date, float, int | None]]:
    with app.app_context():
        rows = db.session.scalars(
            select(MeasureValue)
            .where(MeasureValue.measure_id == measure_id)
            .order_by(MeasureValue.period_start)
        )
        return [(row.period_start, row.value, row.snapshot_id) for row in rows]


def badge_of(page: str, name: str) -> str:
    """The status badge in the row of the named measure on a scorecard table."""
    start = r'<tr class="status-row status-\w+">\s*<td><a [^>]*>'
    row = re.search(rf"{start}{re.escape(name)}</a>.*?</tr>", page, re.DOTALL).group(0)
    return re.search(r'class="badge badge-(\w+)"', row).group(1)


def test_a_computed_measure_picks_up_each_new_analysis(app, client, engagement):
    goal = make_goal(app, engagement)
    measure = add_measure(
        client, engagement, goal, name="MVC sayısı", computed="mvc_count", unit=""
    )
    assert stored_values(app, measure) == []
    seed(app, engagement)
    analyse(client, engagement, as_of=date(2026, 3, 31))
    first = latest(app, engagement)
    assert stored_values(app, measure) == [
        (date(2026, 1, 1), float(first.summary["figures"]["mvc_count"]), first.id)
    ]
    analyse(client, engagement, as_of=AS_OF)
    second = latest(app, engagement)
    values = stored_values(app, measure)
    assert [v[0] for v in values] == [date(2026, 1, 1), date(2026, 4, 1)]
    assert values[-1][1:] == (float(second.summary["figures"]["mvc_count"]), second.id)
    page = client.get(f"{base(engagement)}/measures/{measure}").text
    assert f"Analysis {second.number} of" in page
    assert f"/design/analysis/{second.id}" in page
    assert "Record a value" not in page  # nobody types a computed value


def test_a_measure_made_computed_later_reads_every_analysis_before(
    app, client, engagement
):
    goal = make_goal(app, engagement)
    seed(app, engagement)
    analyse(client, engagement, as_of=date(2025, 12, 31))
    analyse(client, engagement, as_of=date(2026, 3, 31))
    later_date = latest(app, engagement)
    analyse(client, engagement, as_of=date(2026, 3, 30))  # same quarter, taken last
    measure = add_measure(client, engagement, goal, computed="bz_share")
    values = stored_values(app, measure)
    assert [v[0] for v in values] == [date(2025, 10, 1), date(2026, 1, 1)]
    # of two analyses in one period, the one of the later date counts
    assert values[-1][2] == later_date.id
    assert values[-1][1] == later_date.summary["figures"]["bz_share"]


def test_editing_a_threshold_changes_the_status(app, client, engagement):
    goal = make_goal(app, engagement)
    measure = add_measure(client, engagement, goal, name="Memnuniyet")
    response = client.post(
        f"{base(engagement)}/measures/{measure}/values",
        data={"day": "2026-05-10", "value": "80", "note": "Anket"},
    )
    assert response.status_code == 302
    assert badge_of(client.get(f"{base(engagement)}/").text, "Memnuniyet") == "amber"
    client.post(
        f"{base(engagement)}/measures/{measure}/edit",
        data=measure_form(goal, name="Memnuniyet", green="80", amber="70"),
    )
    assert badge_of(client.get(f"{base(engagement)}/").text, "Memnuniyet") == "green"
    client.post(
        f"{base(engagement)}/measures/{measure}/edit",
        data=measure_form(goal, name="Memnuniyet", green="95", amber="85"),
    )
    assert badge_of(client.get(f"{base(engagement)}/").text, "Memnuniyet") == "red"


def test_a_new_value_for_a_period_replaces_the_old_one(app, client, engagement):
    goal = make_goal(app, engagement)
    measure = add_measure(client, engagement, goal)
    for day, value in (
        ("2026-04-02", "60"),
        ("2026-06-30", "65"),
        ("2026-07-01", "88"),
    ):
        url = f"{base(engagement)}/measures/{measure}"
        seen = seen_on(client.get(url).text)
        client.post(f"{url}/values", data={"day": day, "value": value, "seen": seen})
    assert [(v[0], v[1]) for v in stored_values(app, measure)] == [
        (date(2026, 4, 1), 65.0),
        (date(2026, 7, 1), 88.0),
    ]
    page = client.get(f"{base(engagement)}/measures/{measure}").text
    assert "Q2 2026" in page and "Q3 2026" in page
    assert '<svg class="chart trend"' in page


def test_bad_settings_are_refused_with_a_message(app, client, engagement):
    goal = make_goal(app, engagement)
    wrong_way = client.post(
        f"{base(engagement)}/measures/new",
        data=measure_form(goal, green="70", amber="80"),
    )
    assert "Amber must ask less than green" in wrong_way.text
    half = client.post(
        f"{base(engagement)}/measures/new", data=measure_form(goal, amber="")
    )
    assert "Give both thresholds, or leave both empty." in half.text
    everything_at_once = client.post(
        f"{base(engagement)}/measures/new", data=measure_form(goal, name="", amber="")
    ).text
    assert "Give both thresholds, or leave both empty." in everything_at_once
    assert "This field is required." in everything_at_once
    department = client.post(
        f"{base(engagement)}/measures/new", data=measure_form(goal, scope="department")
    )
    assert "Choose the department this KPI measures." in department.text
    with app.app_context():
        assert db.session.scalar(select(Measure.id)) is None


def test_another_engagements_goal_cannot_be_chosen(app, client, engagement, factory):
    stranger = factory.user("other@example.com")
    theirs = make_goal(app, factory.engagement(stranger, "Başka A.Ş."), "Gizli hedef")
    mine = make_goal(app, engagement)
    response = client.post(
        f"{base(engagement)}/measures/new", data=measure_form(mine, goal_id=str(theirs))
    )
    assert response.status_code == 200
    assert "Gizli hedef" not in response.text
    with app.app_context():
        assert db.session.scalar(select(Measure.id)) is None


def test_objectives_roll_their_measures_up(app, client, engagement):
    goal = make_goal(app, engagement)
    response = client.post(
        f"{base(engagement)}/objectives/new",
        data={
            "title": "Sadık bayiler",
            "perspective": "customer",
            "goal_id": str(goal),
            "crm_strategy": "loyalty",
        },
    )
    assert response.status_code == 302
    with app.app_context():
        objective = db.session.scalar(select(Objective.id))
    good = add_measure(client, engagement, goal, name="İyi", objective_id=objective)
    bad = add_measure(client, engagement, goal, name="Kötü", objective_id=objective)
    for measure, value in ((good, "95"), (bad, "10")):
        client.post(
            f"{base(engagement)}/measures/{measure}/values",
            data={"day": "2026-05-01", "value": value},
        )
    page = client.get(f"{base(engagement)}/").text
    objective_row = re.search(r"Sadık bayiler</a>.*?</th>", page, re.DOTALL).group(0)
    assert "badge-red" in objective_row  # as good as its worst measure
    assert re.search(r"<strong>1</strong> Green", page)
    assert re.search(r"<strong>1</strong> Red", page)
    strategy_map = client.get(f"{base(engagement)}/map").text
    assert "Bayileri elde tutmak" in strategy_map and "Sadık bayiler" in strategy_map
    wrong = client.post(
        f"{base(engagement)}/measures/new",
        data=measure_form(goal, perspective="financial", objective_id=str(objective)),
    )
    assert "belongs to another perspective" in wrong.text


def test_only_the_owner_or_the_consultant_records_a_value(
    app, client, engagement, factory, auth
):
    goal = make_goal(app, engagement)
    owner = factory.user("ismail@example.com", "İsmail Güçlü")
    other = factory.user("ali@example.com", "Ali Yıldız")
    sponsor = factory.user("sule@example.com", "Şule Karaağaç")
    factory.member(engagement, owner, Role.TEAM)
    factory.member(engagement, other, Role.TEAM)
    factory.member(engagement, sponsor, Role.SPONSOR)
    kpi = add_measure(
        client,
        engagement,
        goal,
        name="Elde tutulan bayilerden büyüme",
        scope="personal",
        owner_id=str(owner),
    )
    value = {"day": "2026-05-01", "value": "4"}
    url = f"{base(engagement)}/measures/{kpi}/values"
    for email, expected in (
        ("ali@example.com", 403),
        ("sule@example.com", 403),
        ("ismail@example.com", 302),
    ):
        auth.logout()
        auth.login(email)
        assert client.post(url, data=value).status_code == expected, email
    assert [v[1] for v in stored_values(app, kpi)] == [4.0]
    kpis = client.get(f"{base(engagement)}/kpis").text
    assert "Elde tutulan bayilerden büyüme" in kpis and "İsmail Güçlü" in kpis
    assert (
        "Elde tutulan bayilerden büyüme" not in client.get(f"{base(engagement)}/").text
    )


def test_a_computed_measure_refuses_typed_values(app, client, engagement):
    goal = make_goal(app, engagement)
    measure = add_measure(client, engagement, goal, computed="retention_12m")
    response = client.post(
        f"{base(engagement)}/measures/{measure}/values",
        data={"day": "2026-05-01", "value": "50"},
    )
    assert response.status_code == 409
    assert stored_values(app, measure) == []


def test_every_goals_measures_with_a_value_closes_the_step(app, client, engagement):
    goal = make_goal(app, engagement)
    measure = add_measure(client, engagement, goal)
    dashboard = client.get(f"/engagements/{engagement}").text
    assert "Analyse the gaps to the designed system" in dashboard
    with app.app_context():
        assert not goals_have_values(engagement)
        client.post(
            f"{base(engagement)}/measures/{measure}/values",
            data={"day": "2026-05-01", "value": "50"},
        )
        assert goals_have_values(engagement)
        assert db.session.get(Goal, goal).measures


def test_a_new_period_length_keeps_the_latest_value_of_each_period(
    app, client, engagement
):
    goal = make_goal(app, engagement)
    measure = add_measure(client, engagement, goal, period="monthly")
    for day, value in (
        ("2026-01-10", "60"),
        ("2026-02-10", "70"),
        ("2026-03-10", "80"),
    ):
        url = f"{base(engagement)}/measures/{measure}"
        seen = seen_on(client.get(url).text)
        client.post(f"{url}/values", data={"day": day, "value": value, "seen": seen})
    client.post(
        f"{base(engagement)}/measures/{measure}/edit",
        data=measure_form(goal, period="quarterly"),
    )
    assert [(v[0], v[1]) for v in stored_values(app, measure)] == [
        (date(2026, 1, 1), 80.0)
    ]


def test_a_measure_typed_from_now_on_drops_the_values_of_analyses(
    app, client, engagement
):
    goal = make_goal(app, engagement)
    seed(app, engagement)
    analyse(client, engagement)
    measure = add_measure(client, engagement, goal, computed="mvc_value_share")
    assert len(stored_values(app, measure)) == 1
    client.post(f"{base(engagement)}/measures/{measure}/edit", data=measure_form(goal))
    assert stored_values(app, measure) == []


def test_a_measure_follows_its_objective_to_another_perspective(
    app, client, engagement
):
    goal = make_goal(app, engagement)
    objective_form = {
        "title": "Sadık bayiler",
        "goal_id": str(goal),
        "crm_strategy": "",
    }
    client.post(
        f"{base(engagement)}/objectives/new",
        data=objective_form | {"perspective": "customer"},
    )
    with app.app_context():
        objective = db.session.scalar(select(Objective.id))
    measure = add_measure(
        client, engagement, goal, name="Sadakat", objective_id=objective
    )
    client.post(
        f"{base(engagement)}/objectives/{objective}",
        data=objective_form | {"perspective": "financial"},
    )
    page = client.get(f"{base(engagement)}/").text
    financial = re.search(
        r'id="perspective-financial".*?</section>', page, re.DOTALL
    ).group(0)
    assert "Sadakat" in financial
    with app.app_context():
        assert db.session.get(Measure, measure).perspective.value == "financial"


def test_not_a_number_is_refused_with_a_message(app, client, engagement):
    goal = make_goal(app, engagement)
    measure = add_measure(client, engagement, goal)
    for bad in ("nan", "inf", "1,5"):  # a comma is no decimal point in English
        response = client.post(
            f"{base(engagement)}/measures/{measure}/values",
            data={"day": "2026-05-01", "value": bad},
        )
        assert response.status_code == 400
        assert "Enter a number, such as -1,234.5." in response.text
    assert stored_values(app, measure) == []
    crafted = client.post(
        f"{base(engagement)}/measures/new", data=measure_form(goal, direction="x")
    )
    assert crafted.status_code == 200 and "Not a valid choice" in crafted.text


def test_a_turkish_user_types_decimals_with_a_comma(app, client, engagement):
    with app.app_context():
        db.session.get(User, db.session.scalar(select(User.id))).language = "tr"
        db.session.commit()
    goal = make_goal(app, engagement)
    measure = add_measure(
        client, engagement, goal, baseline="1.234,5", target="2.000,5"
    )
    page = client.post(
        f"{base(engagement)}/measures/{measure}/values",
        data={"day": "2026-11-20", "value": "12,5"},
        follow_redirects=True,
    ).text
    assert stored_values(app, measure) == [(date(2026, 10, 1), 12.5, None)]
    assert "%12,5" in page and "Ç4 2026" in page  # said back as typed
    with app.app_context():
        assert db.session.get(Measure, measure).baseline == 1234.5


def test_switching_language_after_a_refused_value_returns_to_the_measure(
    app, client, engagement
):
    measure = add_measure(client, engagement, make_goal(app, engagement))
    page = f"{base(engagement)}/measures/{measure}"
    refused = client.post(
        f"{page}/values",
        data={"day": "2026-05-01", "value": "many"},
        headers={"Referer": f"http://{app.config['SERVER_NAME']}{page}"},
    )
    assert refused.status_code == 400
    assert f'name="next" value="{page}"' in refused.text
    elsewhere = client.post(
        f"{page}/values",
        data={"day": "2026-05-01", "value": "many"},
        headers={"Referer": f"http://elsewhere.example{page}"},
    )
    assert 'name="next" value="/"' in elsewhere.text  # never another site's page


# --- one set of rules on the planning page and the scorecard ---------------


def planning_measure(engagement_id: int, measure_id: int) -> str:
    return f"/engagements/{engagement_id}/planning/measures/{measure_id}"


def planning_form(**overrides) -> dict:
    """The planning page's fields of the measure ``measure_form`` adds."""
    data = {
        "name": "Elde tutma",
        "perspective": "customer",
        "unit": "%",
        "direction": "higher",
        "baseline": "70",
        "target": "90",
    }
    return {f"measure-{key}": value for key, value in (data | overrides).items()}


def test_the_planning_page_refuses_a_perspective_other_than_the_objectives(
    app, client, engagement
):
    goal = make_goal(app, engagement)
    client.post(
        f"{base(engagement)}/objectives/new",
        data={
            "title": "Sadık bayiler",
            "perspective": "customer",
            "goal_id": str(goal),
            "crm_strategy": "",
        },
    )
    with app.app_context():
        objective = db.session.scalar(select(Objective.id))
    measure = add_measure(client, engagement, goal, objective_id=objective)
    refused = client.post(
        planning_measure(engagement, measure),
        data=planning_form(name="Kâr", perspective="financial"),
    )
    assert refused.status_code == 200
    assert "The objective belongs to another perspective than the measure." in (
        refused.text
    )
    with app.app_context():
        stored = db.session.get(Measure, measure)
        assert (stored.name, stored.perspective.value) == ("Elde tutma", "customer")
    # a change planning may make keeps what the scorecard set
    changed = client.post(
        planning_measure(engagement, measure), data=planning_form(target="95")
    )
    assert changed.status_code == 302
    with app.app_context():
        stored = db.session.get(Measure, measure)
        assert stored.target == 95.0
        assert (stored.objective_id, stored.green, stored.amber) == (objective, 90, 75)


def test_the_planning_page_opens_a_measure_that_serves_no_goal(app, client, engagement):
    with app.app_context():
        engagement_row = db.session.get(Engagement, engagement)
        measure = measures.save_measure(
            engagement_row,
            None,
            measures.MeasureBasics(
                name="Şikâyet süresi",
                perspective=Perspective.INTERNAL,
                unit="gün",
                direction=Direction.LOWER_IS_BETTER,
                baseline=None,
                target=3.0,
            ),
            measures.MeasureTracking(goal_id=None),
        ).id
    page = client.get(planning_measure(engagement, measure))
    assert page.status_code == 200
    assert "Şikâyet süresi" in page.text
    assert f'href="/engagements/{engagement}/planning/goals">Cancel' in page.text
    saved = client.post(
        planning_measure(engagement, measure),
        data=planning_form(name="Şikâyet süresi", perspective="internal"),
    )
    assert saved.status_code == 302
    assert saved.location.endswith(f"/engagements/{engagement}/planning/goals")


def test_a_value_is_removed_only_through_its_own_measure(app, client, engagement):
    goal = make_goal(app, engagement)
    first = add_measure(client, engagement, goal, name="Birinci")
    second = add_measure(client, engagement, goal, name="İkinci")
    client.post(
        f"{base(engagement)}/measures/{first}/values",
        data={"day": "2026-05-01", "value": "4"},
    )
    with app.app_context():
        value = db.session.scalar(
            select(MeasureValue.id).where(MeasureValue.measure_id == first)
        )
    wrong = client.post(f"{base(engagement)}/measures/{second}/values/{value}/delete")
    assert wrong.status_code == 404
    assert [v[1] for v in stored_values(app, first)] == [4.0]
    right = client.post(f"{base(engagement)}/measures/{first}/values/{value}/delete")
    assert right.status_code == 302
    assert stored_values(app, first) == []


@pytest.mark.parametrize(
    ("direction", "baseline", "target"),
    [("higher", "78", "70"), ("lower", "8", "12")],
)
def test_the_scorecard_refuses_a_target_worse_than_the_baseline(
    app, client, engagement, direction, baseline, target
):
    """DOMAIN.md, measuring: a measure has a baseline, a target and a direction;
    a target on the wrong side of where it starts plans to get worse."""
    goal = make_goal(app, engagement)
    response = client.post(
        f"{base(engagement)}/measures/new",
        data=measure_form(
            goal,
            direction=direction,
            baseline=baseline,
            target=target,
            green="",
            amber="",
        ),
    )
    assert response.status_code == 200
    assert "This target is worse than the baseline" in response.text
    with app.app_context():
        assert db.session.scalar(select(Measure)) is None


def test_the_strategy_map_starts_from_the_business_strategies(app, client, engagement):
    """DOMAIN.md, planning (output): business strategies become the project's
    goals; the map runs vision → strategies → goals → objectives → measures."""
    with app.app_context():
        engagement_row = db.session.get(Engagement, engagement)
        strategy = planning.add_strategy(engagement_row, "Bayilerle uzun ilişki", [])
        strategy_id = strategy.id
    goal = make_goal(app, engagement)
    make_goal(app, engagement, "Maliyeti düşürmek")
    with app.app_context():
        db.session.get(Goal, goal).strategy_id = strategy_id
        db.session.commit()
    page = client.get(f"{base(engagement)}/map").text
    strategy_at = page.index("Business strategy: Bayilerle uzun ilişki")
    assert strategy_at < page.index("Goal: Bayileri elde tutmak")
    loose_at = page.index("Goals drawn from no business strategy")
    assert strategy_at < loose_at < page.index("Goal: Maliyeti düşürmek")


def _give_profit(app, engagement_id: int, profit: float) -> None:
    with app.app_context():
        db.session.execute(
            update(Transaction)
            .where(Transaction.engagement_id == engagement_id)
            .values(profit=profit)
        )
        db.session.commit()


def test_every_analysis_stores_profit_when_the_data_has_profit(app, client, engagement):
    seed(app, engagement)
    analyse(client, engagement)
    assert latest(app, engagement).summary["figures"]["profit_12m"] is None
    _give_profit(app, engagement, 12.5)
    analyse(client, engagement)  # valued by turnover, the default
    figures = latest(app, engagement).summary["figures"]
    with app.app_context():
        recent = db.session.scalar(
            select(func.count(Transaction.id)).where(
                Transaction.engagement_id == engagement,
                Transaction.occurred_on > AS_OF - timedelta(days=365),
            )
        )
    assert figures["profit_12m"] == 12.5 * recent
    goal = make_goal(app, engagement)
    measure = add_measure(client, engagement, goal, computed="profit_12m", unit="TRY")
    assert stored_values(app, measure)[-1][1] == 12.5 * recent


def test_a_measure_keeps_its_basis(app, client, engagement):
    """An analysis valued by profit gives no value to a measure of value groups
    kept by turnover (and the other way round); sales figures read any."""
    goal = make_goal(app, engagement)
    seed(app, engagement)
    _give_profit(app, engagement, 10.0)
    by_turnover = add_measure(client, engagement, goal, computed="mvc_count", unit="")
    by_profit = add_measure(
        client, engagement, goal, computed="average_value", basis="profit", unit=""
    )
    sales = add_measure(client, engagement, goal, computed="revenue_12m", unit="")
    analyse(client, engagement, as_of=date(2026, 3, 31))
    turnover_run = latest(app, engagement)
    analyse(client, engagement, as_of=AS_OF, use_profit="y")
    profit_run = latest(app, engagement)
    assert [v[2] for v in stored_values(app, by_turnover)] == [turnover_run.id]
    assert [v[2] for v in stored_values(app, by_profit)] == [profit_run.id]
    assert (
        stored_values(app, by_profit)[0][1]
        == (profit_run.summary["figures"]["average_value"])
    )
    assert [v[2] for v in stored_values(app, sales)] == [
        turnover_run.id,
        profit_run.id,
    ]
    page = client.get(f"{base(engagement)}/measures/{by_turnover}").text
    assert "Only from analyses that value customers by turnover" in page
    left_out = f"analysis {profit_run.number} values them otherwise and is left out"
    assert left_out in page
    assert left_out not in client.get(f"{base(engagement)}/measures/{sales}").text
    # changing the basis reads the other analyses instead
    with app.app_context():
        row = db.session.get(Measure, by_turnover)
        measures.save_measure(
            db.session.get(Engagement, engagement),
            row,
            measures.MeasureBasics(
                row.name, row.perspective, row.unit, row.direction, None, None
            ),
            measures.MeasureTracking(
                goal_id=row.goal_id, computed=row.computed, basis=Basis.PROFIT
            ),
        )
    assert [v[2] for v in stored_values(app, by_turnover)] == [profit_run.id]


def test_a_value_for_a_future_period_is_refused_and_never_the_latest(
    app, client, engagement
):
    goal = make_goal(app, engagement)
    measure = add_measure(client, engagement, goal, green="", amber="")
    response = client.post(
        f"{base(engagement)}/measures/{measure}/values",
        data={"day": "2027-06-15", "value": "95", "note": "", "seen": "{}"},
    )
    assert response.status_code == 400
    assert stored_values(app, measure) == []
    with app.app_context():  # one stored before the rule, and one of now
        for start, value in ((date(2026, 10, 1), 72.0), (date(2027, 4, 1), 95.0)):
            db.session.add(
                MeasureValue(measure_id=measure, period_start=start, value=value)
            )
        db.session.commit()
        state = scorecard_state(db.session.get(Measure, measure))
    assert (state.latest.value, state.status) == (72.0, "red")


def test_thresholds_read_in_the_measures_direction(app, client, engagement):
    goal = make_goal(app, engagement)
    fewer = add_measure(
        client,
        engagement,
        goal,
        direction="lower",
        baseline="60",
        target="40",
        green="",
        amber="",
        unit="",
        period="monthly",
    )
    page = client.get(f"{base(engagement)}/measures/{fewer}").text
    assert "green at or below 40, amber at or below 50, red above" in page
    assert "One value per month:" in page
    flat = add_measure(
        client, engagement, goal, baseline="", target="90", green="", amber=""
    )
    page = client.get(f"{base(engagement)}/measures/{flat}").text
    assert "green at or above 90%, red below it (no amber band)" in page


def test_the_overview_warns_of_an_empty_perspective_and_states_the_rule(
    app, client, engagement
):
    goal = make_goal(app, engagement)
    add_measure(client, engagement, goal)
    page = client.get(f"{base(engagement)}/").text
    assert "The overall status is that of the worst perspective" in page
    warning = re.search(r"No objective or measure yet in: ([^.]*)\.", page).group(1)
    assert "Customer" not in warning
    assert "Internal process" in warning


def test_a_measure_fixed_by_the_analysis_rules_says_so(app, client, engagement):
    """No new measure can read the MVC share of customers; one that reads it
    from before keeps it, and says it does not move."""
    goal = make_goal(app, engagement)
    assert (
        'value="mvc_share"' not in client.get(f"{base(engagement)}/measures/new").text
    )
    fixed = add_measure(client, engagement, goal, computed="mvc_count", unit="")
    moving = add_measure(client, engagement, goal, computed="mvc_count", unit="")
    with app.app_context():
        db.session.get(Measure, fixed).computed = "mvc_share"
        db.session.commit()
    notice = "This figure is fixed by the analysis rules"
    assert notice in client.get(f"{base(engagement)}/measures/{fixed}").text
    assert notice not in client.get(f"{base(engagement)}/measures/{moving}").text
    edit = client.get(f"{base(engagement)}/measures/{fixed}/edit").text
    assert re.search(r'<option selected value="mvc_share">', edit)
    response = client.post(
        f"{base(engagement)}/measures/{moving}/edit",
        data=measure_form(goal, computed="mvc_share", unit=""),
    )
    assert response.status_code == 200  # not a valid choice for it


def test_customers_above_a_value_are_counted_for_the_measures_own_amount(
    app, client, engagement
):
    goal = make_goal(app, engagement)
    seed(app, engagement)
    analyse(client, engagement)
    snapshot = latest(app, engagement)
    worth = sorted(row.monetary for row in results(app, snapshot.id).values())
    form = measure_form(goal, computed="customers_above_value", unit="")
    response = client.post(f"{base(engagement)}/measures/new", data=form)
    assert "Give the value a customer must reach to be counted." in response.text
    measure = add_measure(
        client,
        engagement,
        goal,
        computed="customers_above_value",
        unit="",
        value_floor=f"{worth[6]:.2f}",
    )
    assert stored_values(app, measure) == [
        (snapshot.as_of.replace(month=4, day=1), 4.0, snapshot.id)
    ]
    page = client.get(f"{base(engagement)}/measures/{measure}").text
    assert "Customers above a value" in page and "(worth at least" in page
    client.post(
        f"{base(engagement)}/measures/{measure}/edit",
        data=form | {"measure-value_floor": f"{worth[-1] + 1:.2f}"},
    )
    assert stored_values(app, measure)[0][1] == 0.0


def test_a_typed_measure_named_for_a_figure_of_the_data_is_offered_it(
    app, client, engagement
):
    goal = make_goal(app, engagement)
    seed(app, engagement)
    _give_profit(app, engagement, 10.0)
    analyse(client, engagement)
    profit = add_measure(
        client,
        engagement,
        goal,
        name="Satış departmanının son 12 aylık kârı",
        unit="TRY",
    )
    training = add_measure(client, engagement, goal, name="Eğitim saatleri", unit="")
    offer = "The customer data holds this figure: Profit of the last 12 months."
    assert offer in client.get(f"{base(engagement)}/measures/{profit}").text
    assert "The customer data holds" not in (
        client.get(f"{base(engagement)}/measures/{training}").text
    )
    assert (
        client.post(f"{base(engagement)}/measures/{training}/compute").status_code
        == 409
    )
    client.post(f"{base(engagement)}/measures/{profit}/compute")
    with app.app_context():
        assert db.session.get(Measure, profit).computed == "profit_12m"
    [(_, value, snapshot_id)] = stored_values(app, profit)
    assert (value, snapshot_id) == (
        latest(app, engagement).summary["figures"]["profit_12m"],
        latest(app, engagement).id,
    )
    page = client.get(f"{base(engagement)}/measures/{profit}").text
    assert "The customer data holds" not in page
