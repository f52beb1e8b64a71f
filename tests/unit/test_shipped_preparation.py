"""The shipped preparation questionnaire meets the method's requirements."""

import pytest

from assessments.examples import typical_answers
from assessments.questionnaire import DEFINITIONS, Category, Dimension, Gate, Kind, load
from assessments.readiness import GateStatus, classify, evaluate_gates
from assessments.scoring import score

PREPARATION = load(DEFINITIONS / "preparation.yaml")


def section(section_id):
    return PREPARATION.section(section_id)


def test_need_asks_the_six_profiles():
    gated = [q for q in section("need").questions if q.gate == Gate.NEED]
    assert len(gated) == 6


def test_motivation_has_at_least_ten_category_questions():
    questions = [
        q
        for q in section("motivation").questions
        if q.kind in (Kind.SINGLE, Kind.MULTIPLE)
        and any(o.categories for o in q.options)
    ]
    assert len(questions) >= 10


@pytest.mark.parametrize("gate", [Gate.BACKING, Gate.CULTURE])
def test_each_gate_has_at_least_three_questions(gate):
    assert sum(1 for q in PREPARATION.questions() if q.gate == gate) >= 3


@pytest.mark.parametrize("category", list(Category))
def test_every_category_is_reachable_with_the_shipped_questions(category):
    answers = typical_answers(PREPARATION, category)
    readiness = classify(score(PREPARATION, answers))
    assert readiness.category == category
    assert not readiness.tied


def test_a_supportive_company_passes_every_gate_and_a_reluctant_one_fails_them():
    keen = score(PREPARATION, typical_answers(PREPARATION, Category.SAVER))
    reluctant = score(
        PREPARATION, typical_answers(PREPARATION, Category.SAVER, supportive=False)
    )
    assert {g.status for g in evaluate_gates(PREPARATION, keen)} == {GateStatus.PASSED}
    assert {g.status for g in evaluate_gates(PREPARATION, reluctant)} == {
        GateStatus.FAILED
    }


def test_a_complete_answer_set_leaves_nothing_required_missing():
    answers = typical_answers(PREPARATION, Category.STRATEGIC_THINKER)
    assert score(PREPARATION, answers).missing_required == ()


def test_measuring_nothing_today_keeps_measurement_low_for_any_category():
    """The issue's case: "we measure retention and satisfaction" answered 1 of
    5 by a saver gave Measurement 53; today's statement now carries half."""
    for category in Category:
        answers = typical_answers(PREPARATION, category) | {"today_measurement": 1}
        measurement = score(PREPARATION, answers).dimensions[Dimension.MEASUREMENT]
        assert measurement.value <= 50
        today = next(
            p for p in measurement.contributions if p.question_id == "today_measurement"
        )
        assert (today.weight, today.points) == (50.0, 0.0)


def test_no_help_text_tells_how_a_question_is_scored():
    words = ("score", "puan", "method", "yöntem", "should not", "must not")
    for question in PREPARATION.questions():
        if question.help:
            for language in ("en", "tr"):
                help_text = question.help.in_language(language).lower()
                assert not any(word in help_text for word in words), question.id
