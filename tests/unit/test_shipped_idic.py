"""The shipped IDIC capability questionnaire meets the method's requirements."""

import pytest

from assessments.questionnaire import DEFINITIONS, Dimension, Kind, Text, load
from assessments.scoring import score, section_scores

IDIC = load(DEFINITIONS / "idic.yaml")
STEPS = ["identify", "differentiate", "interact", "customize"]


def texts():
    yield IDIC.title
    yield IDIC.description
    for section in IDIC.sections:
        yield section.title
        yield section.intro
        for question in section.questions:
            yield question.text
            yield question.help
            yield from (option.text for option in question.options)


def test_it_has_the_four_steps_in_order():
    assert IDIC.id == "idic"
    assert [section.id for section in IDIC.sections] == STEPS


@pytest.mark.parametrize("step", STEPS)
def test_each_step_asks_five_to_eight_mostly_scale_questions(step):
    questions = IDIC.section(step).questions
    assert 5 <= len(questions) <= 8
    kinds = [question.kind for question in questions]
    assert set(kinds) <= {Kind.SCALE, Kind.YES_NO}
    assert kinds.count(Kind.SCALE) > len(kinds) / 2


def test_every_text_is_in_english_and_turkish():
    for text in texts():
        if text is None:
            continue
        assert isinstance(text, Text)
        assert text.en.strip() and text.tr.strip()
        assert text.en != text.tr


def test_every_question_feeds_the_maturity_profile_and_no_gate_or_category():
    assert not IDIC.gates
    for question in IDIC.questions():
        assert question.gate is None
        weights = dict(question.dimensions)
        for option in question.options:
            assert not option.categories
            weights |= option.dimensions
        assert weights, question.id
    touched = {
        dimension
        for question in IDIC.questions()
        for dimension in [
            *question.dimensions,
            *(d for option in question.options for d in option.dimensions),
        ]
    }
    assert touched == set(Dimension)


def test_the_best_answers_score_100_everywhere_and_the_worst_0():
    def answers(best: bool) -> dict:
        scale, yes_no = (5, "yes") if best else (1, "no")
        return {
            q.id: scale if q.kind == Kind.SCALE else yes_no for q in IDIC.questions()
        }

    assert set(section_scores(IDIC, answers(True)).values()) == {100.0}
    assert set(section_scores(IDIC, answers(False)).values()) == {0.0}
    best = score(IDIC, answers(True))
    assert best.missing_required == ()
    assert {s.value for s in best.dimensions.values()} == {100.0}
