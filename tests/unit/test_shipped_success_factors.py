"""The shipped checklist holds the method's ten critical success factors, each
with its evidence, and scores a section by how far its factors are in place."""

from assessments.questionnaire import DEFINITIONS, Kind, Text, load
from assessments.scoring import section_scores

FACTORS = load(DEFINITIONS / "success_factors.yaml")
TEN = [
    "productivity",
    "cost_reduction",
    "staff_morale",
    "customer_knowledge",
    "customer_loyalty",
    "pilot_first",
    "user_training",
    "staff_motivation",
    "system_management",
    "management_commitment",
]


def test_the_ten_factors_each_with_an_optional_evidence_note():
    choices = [q for q in FACTORS.questions() if q.kind == Kind.SINGLE]
    notes = [q for q in FACTORS.questions() if q.kind == Kind.TEXT]
    assert [q.id for q in choices] == TEN
    assert [q.id for q in notes] == [f"{factor}_evidence" for factor in TEN]
    assert not any(note.required for note in notes)
    assert all(
        [o.id for o in q.options] == ["in_place", "partly", "not_yet"] for q in choices
    )


def test_every_text_is_in_english_and_turkish():
    for question in FACTORS.questions():
        for text in (question.text, question.help, *(o.text for o in question.options)):
            if text is not None:
                assert isinstance(text, Text) and text.en.strip() and text.tr.strip()


def test_a_section_scores_how_far_its_factors_are_in_place():
    answers = {factor: "in_place" for factor in TEN[:5]}
    answers |= {"pilot_first": "partly", "user_training": "not_yet"}
    scores = section_scores(FACTORS, answers)
    assert scores["benefits"] == 100.0
    assert scores["conditions"] == 25.0  # 0.5 of 2 answered factors
