"""The ten success factors as the result page, the reviews and the plan read
them: numbered 1–10, evidence needed when in place, the change between two
checks, and the pilot factor against the plan's pilot package."""

import pytest

from assessments.factors import (
    FactorState,
    changes,
    factors,
    in_place,
    pilot_disagrees,
)
from assessments.questionnaire import DEFINITIONS, InvalidDefinition, load, parse
from assessments.scoring import score
from assessments.transition import WorkStatus

CHECKLIST = load(DEFINITIONS / "success_factors.yaml")


def test_the_factors_are_numbered_one_to_ten_and_their_evidence_not_at_all():
    found = factors(CHECKLIST, {})
    assert [f.number for f in found] == list(range(1, 11))
    assert found[5].question_id == "pilot_first"
    numbers = CHECKLIST.numbers()
    assert len(numbers) == 10
    assert not any(question.endswith("_evidence") for question in numbers)


def test_a_factor_in_place_needs_its_evidence_to_complete_the_checklist():
    answers = {
        "productivity": "in_place",
        "productivity_evidence": "  ",
        "cost_reduction": "in_place",
        "cost_reduction_evidence": "Gider raporu, Kasım 2026",
        "staff_morale": "partly",
    }
    found = factors(CHECKLIST, answers)
    assert [f.question_id for f in found if f.lacks_evidence] == ["productivity"]
    assert found[1].evidence == "Gider raporu, Kasım 2026"
    missing = score(CHECKLIST, answers).missing_required
    assert "productivity_evidence" in missing
    assert "cost_reduction_evidence" not in missing
    assert "staff_morale_evidence" not in missing  # only "in place" needs it


def test_a_recheck_shows_each_factor_before_and_after():
    before = factors(CHECKLIST, {"productivity": "partly", "pilot_first": "not_yet"})
    after = factors(CHECKLIST, {"productivity": "in_place", "pilot_first": "not_yet"})
    moved = [c for c in changes(before, after) if c.changed]
    assert [(c.number, c.before, c.after) for c in moved] == [
        (1, FactorState.PARTLY, FactorState.IN_PLACE)
    ]
    assert (in_place(before), in_place(after)) == (0, 1)


@pytest.mark.parametrize(
    ("state", "package", "disagrees"),
    [
        (FactorState.IN_PLACE, WorkStatus.IN_PROGRESS, True),
        (FactorState.IN_PLACE, None, True),
        (FactorState.IN_PLACE, WorkStatus.DONE, False),
        (FactorState.PARTLY, WorkStatus.IN_PROGRESS, False),
        (FactorState.PARTLY, WorkStatus.DONE, True),
        (FactorState.NOT_YET, WorkStatus.PLANNED, False),
        (FactorState.NOT_YET, WorkStatus.DONE, True),
        (FactorState.NOT_YET, None, False),
        (None, WorkStatus.DONE, False),
    ],
)
def test_the_pilot_factor_and_the_pilot_package_agree_or_not(state, package, disagrees):
    assert pilot_disagrees(state, package) is disagrees


def _definition(questions):
    return {
        "id": "probe",
        "title": {"en": "Probe", "tr": "Deneme"},
        "sections": [
            {"id": "one", "title": {"en": "One", "tr": "Bir"}, "questions": questions}
        ],
    }


_CHOICE = {
    "id": "factor",
    "kind": "single",
    "text": {"en": "Factor", "tr": "Etken"},
    "options": [
        {"id": "in_place", "text": {"en": "In place", "tr": "Sağlanıyor"}},
        {"id": "not_yet", "text": {"en": "Not yet", "tr": "Henüz değil"}},
    ],
}


@pytest.mark.parametrize(
    ("part", "fault"),
    [
        ({"part_of": "later"}, "'part_of' names no earlier question"),
        ({"part_of": "factor", "required_when": ["maybe"]}, "'required_when' must"),
        ({"required_when": ["in_place"]}, "'required_when' needs 'part_of'"),
    ],
)
def test_a_part_must_name_an_earlier_question_and_its_options(part, fault):
    evidence = {"id": "evidence", "kind": "text", "text": {"en": "E", "tr": "K"}}
    with pytest.raises(InvalidDefinition) as raised:
        parse(_definition([_CHOICE, evidence | part]), "probe.yaml")
    assert any(fault in line for line in raised.value.faults)
