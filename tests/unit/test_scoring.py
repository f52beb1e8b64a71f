"""Scoring, the readiness category and the gates, on a small questionnaire."""

import pytest

from assessments.questionnaire import Category, Dimension, Gate, parse
from assessments.readiness import GateStatus, classify, evaluate_gates
from assessments.scoring import score, section_scores


def text(word: str) -> dict:
    return {"en": word, "tr": word}


def choice(option_id: str, **weights) -> dict:
    return {"id": option_id, "text": text(option_id), **weights}


DEFINITION = parse(
    {
        "id": "mini",
        "title": text("Mini"),
        "gates": {"backing": 60, "culture": 50},
        "sections": [
            {
                "id": "motivation",
                "title": text("Motivation"),
                "questions": [
                    {
                        "id": f"why_{n}",
                        "kind": "single",
                        "text": text(f"Why {n}"),
                        "options": [
                            choice(
                                "fashion",
                                categories={"trend_follower": 2},
                                dimensions={"strategy": 0.2},
                            ),
                            choice(
                                "software",
                                categories={"hopeless": 2},
                                dimensions={"technology": 0.5},
                            ),
                            choice(
                                "savings",
                                categories={"saver": 2},
                                dimensions={"process": 1},
                            ),
                            choice(
                                "customers",
                                categories={"strategic_thinker": 2, "saver": 1},
                                dimensions={"strategy": 1},
                            ),
                        ],
                    }
                    for n in (1, 2, 3)
                ]
                + [
                    {
                        "id": "budget",
                        "kind": "multiple",
                        "text": text("Budget"),
                        "required": False,
                        "options": [
                            choice("licences", categories={"hopeless": 3}),
                            choice("training", categories={"strategic_thinker": 3}),
                            choice("reports", categories={"saver": 3}),
                        ],
                    }
                ],
            },
            {
                "id": "gates",
                "title": text("Gates"),
                "questions": [
                    {
                        "id": "owner_sponsors",
                        "kind": "yes_no",
                        "text": text("Owner sponsors?"),
                        "gate": "backing",
                        "options": [
                            {"id": "yes", "score": 1},
                            {"id": "no", "score": 0},
                        ],
                    },
                    {
                        "id": "owner_time",
                        "kind": "scale",
                        "text": text("Owner gives time"),
                        "gate": "backing",
                        "dimensions": {"people_culture": 1},
                    },
                    {
                        "id": "resistance",
                        "kind": "scale",
                        "text": text("Strong resistance"),
                        "gate": "culture",
                        "reverse": True,
                        "dimensions": {"people_culture": 1},
                    },
                    {
                        "id": "notes",
                        "kind": "text",
                        "text": text("Notes"),
                        "required": False,
                    },
                ],
            },
        ],
    },
    "mini.yaml",
)

MOTIVATION = ("why_1", "why_2", "why_3")


def answers_all(option: str, **more) -> dict:
    return {question: option for question in MOTIVATION} | more


@pytest.mark.parametrize(
    "option, category",
    [
        ("fashion", Category.TREND_FOLLOWER),
        ("software", Category.HOPELESS),
        ("savings", Category.SAVER),
        ("customers", Category.STRATEGIC_THINKER),
    ],
)
def test_every_category_is_reachable(option, category):
    readiness = classify(score(DEFINITION, answers_all(option)))
    assert readiness.category == category
    assert readiness.tied == ()


def test_tie_goes_to_the_less_ready_category():
    # hopeless 2 (software) against trend follower 2 (fashion)
    answers = {"why_1": "software", "why_2": "fashion"}
    readiness = classify(score(DEFINITION, answers))
    assert readiness.tied == (Category.HOPELESS, Category.TREND_FOLLOWER)
    assert readiness.category == Category.HOPELESS


def test_a_tie_between_saver_and_strategic_thinker_reports_saver():
    answers = {
        "why_1": "savings",
        "why_2": "customers",
        "why_3": "savings",
        "budget": ["training"],
    }
    result = score(DEFINITION, answers)
    # saver 2 + 1 + 2 = 5 ; strategic thinker 2 + 3 = 5
    assert result.categories[Category.SAVER].value == 5
    assert result.categories[Category.STRATEGIC_THINKER].value == 5
    assert classify(result).category == Category.SAVER


def test_no_answers_give_no_category_and_list_what_is_missing():
    result = score(DEFINITION, {})
    assert classify(result).category is None
    assert result.answered == 0
    assert result.missing_required == (
        "why_1",
        "why_2",
        "why_3",
        "owner_sponsors",
        "owner_time",
        "resistance",
    )
    assert all(item.value is None for item in result.dimensions.values())
    statuses = {g.gate: g.status for g in evaluate_gates(DEFINITION, result)}
    assert statuses == {
        Gate.BACKING: GateStatus.NOT_ANSWERED,
        Gate.CULTURE: GateStatus.NOT_ANSWERED,
    }


def test_answers_to_unknown_questions_or_options_are_ignored():
    result = score(DEFINITION, {"ghost": "x", "why_1": "nonsense", "owner_time": 9})
    assert result.answered == 0


def test_a_multiple_choice_weighs_like_a_single_one():
    result = score(DEFINITION, {"budget": ["licences", "training"]})
    assert result.categories[Category.HOPELESS].value == 1.5
    assert result.categories[Category.STRATEGIC_THINKER].value == 1.5


def test_dimension_scores_compare_with_the_best_possible_answers():
    result = score(DEFINITION, answers_all("customers", owner_time=3))
    assert result.dimensions[Dimension.STRATEGY].value == 100.0
    assert result.dimensions[Dimension.PROCESS].value == 0.0
    assert result.dimensions[Dimension.PEOPLE_CULTURE].value == 50.0
    assert result.dimensions[Dimension.MEASUREMENT].value is None


def test_a_reversed_scale_counts_from_the_other_end():
    result = score(DEFINITION, {"resistance": 2})
    assert result.gates[Gate.CULTURE].value == 75.0


@pytest.mark.parametrize(
    "sponsors, time, status",
    [
        ("yes", 1, GateStatus.FAILED),  # (1 + 0) / 2 = 50 < 60
        ("yes", 2, GateStatus.PASSED),  # (1 + .25) / 2 = 62.5
        ("no", 5, GateStatus.FAILED),  # 50
        ("yes", 5, GateStatus.PASSED),  # 100
    ],
)
def test_backing_gate_passes_from_its_threshold(sponsors, time, status):
    result = score(DEFINITION, {"owner_sponsors": sponsors, "owner_time": time})
    backing = evaluate_gates(DEFINITION, result)[0]
    assert backing.gate == Gate.BACKING
    assert backing.status == status


def test_a_score_exactly_on_the_threshold_passes():
    result = score(DEFINITION, {"resistance": 3})  # 50 == threshold
    culture = evaluate_gates(DEFINITION, result)[1]
    assert culture.status == GateStatus.PASSED


def test_a_gate_with_an_unanswered_question_is_not_answered():
    result = score(DEFINITION, {"owner_sponsors": "yes"})
    backing = evaluate_gates(DEFINITION, result)[0]
    assert backing.status == GateStatus.NOT_ANSWERED
    assert (backing.answered, backing.total) == (1, 2)


def test_a_failed_gate_can_be_overridden_and_keeps_its_reasons():
    result = score(DEFINITION, {"owner_sponsors": "no", "owner_time": 4})
    backing = evaluate_gates(DEFINITION, result, overridden={Gate.BACKING})[0]
    assert backing.status == GateStatus.OVERRIDDEN
    assert backing.cleared
    assert backing.reasons[0].question_id == "owner_sponsors"  # weakest first


def test_a_failed_gate_is_held_back_only_by_the_answers_below_its_line():
    """Issue 19: "Answers that held it back" lists no favourable answer."""
    result = score(DEFINITION, {"owner_sponsors": "no", "owner_time": 4})
    backing = evaluate_gates(DEFINITION, result)[0]  # (0 + .75) / 2 = 37.5 < 60
    assert backing.status == GateStatus.FAILED
    # owner_time's support, 75, is above the line of 60: it did not hold it back
    assert [part.question_id for part in backing.reasons] == ["owner_sponsors"]


def test_a_passed_gate_is_not_turned_into_an_override():
    result = score(DEFINITION, {"owner_sponsors": "yes", "owner_time": 5})
    backing = evaluate_gates(DEFINITION, result, overridden={Gate.BACKING})[0]
    assert backing.status == GateStatus.PASSED


def test_the_explanation_names_the_answers_that_pushed_most():
    answers = {
        "why_1": "customers",
        "why_2": "customers",
        "why_3": "fashion",
        "budget": ["training"],
    }
    readiness = classify(score(DEFINITION, answers))
    assert readiness.category == Category.STRATEGIC_THINKER
    assert readiness.explanation[0].question_id == "budget"
    assert {part.question_id for part in readiness.explanation} == {
        "budget",
        "why_1",
        "why_2",
    }
    # strategic thinker 2 + 2 + 3 = 7 of 11 points (saver 1 + 1, trend follower 2)
    assert readiness.share(Category.STRATEGIC_THINKER) == 63.6


def test_sections_without_answers_have_no_score():
    assert section_scores(DEFINITION, {}) == {"motivation": None, "gates": None}


def test_a_section_score_compares_its_answers_with_the_best_ones():
    answers = {
        # dimension weights over the best option's: 1 and 0.5
        "why_1": "customers",
        "why_2": "software",
        "budget": ["training"],  # multiple choice: counts neither way
        "owner_sponsors": "no",  # the gate score: 0
        "owner_time": 5,  # 1
        "resistance": 2,  # reversed: 0.75
        "notes": "Anything",  # text: counts neither way
    }
    assert section_scores(DEFINITION, answers) == {"motivation": 75.0, "gates": 58.3}


def test_only_answered_questions_count_toward_a_section_score():
    scores = section_scores(DEFINITION, {"owner_time": 4, "why_3": "nonsense"})
    assert scores == {"motivation": None, "gates": 75.0}


def test_a_choice_without_scores_or_weights_does_not_count():
    plain = parse(
        {
            "id": "plain",
            "title": text("Plain"),
            "sections": [
                {
                    "id": "only",
                    "title": text("Only"),
                    "questions": [
                        {
                            "id": "colour",
                            "kind": "single",
                            "text": text("Colour"),
                            "options": [choice("red"), choice("blue")],
                        },
                        {
                            "id": "has_crm",
                            "kind": "yes_no",
                            "text": text("Has CRM"),
                            "options": [
                                {"id": "yes", "dimensions": {"technology": 0.5}},
                                {"id": "no"},
                            ],
                        },
                    ],
                }
            ],
        },
        "plain.yaml",
    )
    assert section_scores(plain, {"colour": "red"}) == {"only": None}
    assert section_scores(plain, {"colour": "red", "has_crm": "yes"}) == {"only": 100.0}
    assert section_scores(plain, {"has_crm": "no"}) == {"only": 0.0}


def test_each_answer_shows_its_weight_and_points_in_the_dimension():
    result = score(DEFINITION, {"owner_time": 3, "resistance": 1})
    parts = result.dimensions[Dimension.PEOPLE_CULTURE].contributions
    assert {(p.question_id, p.weight, p.points) for p in parts} == {
        ("owner_time", 50.0, 25.0),
        ("resistance", 50.0, 50.0),
    }
    assert result.dimensions[Dimension.PEOPLE_CULTURE].value == 75.0


SHARED = parse(
    {
        "id": "shared",
        "title": text("Shared"),
        "sections": [
            {
                "id": "intent",
                "title": text("Intent"),
                "questions": [
                    {
                        "id": f"intent_{n}",
                        "kind": "scale",
                        "text": text(f"Intent {n}"),
                        "dimensions": {"measurement": 1},
                    }
                    for n in (1, 2, 3)
                ],
            },
            {
                "id": "today",
                "title": text("Today"),
                "dimension_share": 0.5,
                "questions": [
                    {
                        "id": "today_measurement",
                        "kind": "scale",
                        "text": text("We measure"),
                        "dimensions": {"measurement": 1},
                    }
                ],
            },
        ],
    },
    "shared.yaml",
)


def test_a_section_with_a_share_carries_that_part_of_the_dimension():
    answers = {"intent_1": 5, "intent_2": 5, "intent_3": 5, "today_measurement": 1}
    measurement = score(SHARED, answers).dimensions[Dimension.MEASUREMENT]
    assert measurement.value == 50.0
    weights = {
        part.question_id: round(part.weight, 1) for part in measurement.contributions
    }
    assert weights == {
        "today_measurement": 50.0,
        "intent_1": 16.7,
        "intent_2": 16.7,
        "intent_3": 16.7,
    }
    assert measurement.contributions[0].question_id == "today_measurement"


def test_without_the_shared_section_answered_the_others_carry_it_all():
    measurement = score(SHARED, {"intent_1": 5}).dimensions[Dimension.MEASUREMENT]
    assert measurement.value == 100.0
    assert measurement.contributions[0].weight == 100.0
