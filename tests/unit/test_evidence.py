"""Answers checked against the customer data: the pure check, and every check
the questionnaires ship, on both sides of its line and without its figure."""

import pytest

from assessments.evidence import Claim, Figure, Line, Verdict, check, contradicted
from assessments.questionnaire import InvalidDefinition, load_all, parse

DEFINITIONS = load_all()
SHIPPED = [
    (definition, question)
    for definition in DEFINITIONS.values()
    for question in definition.questions()
    if question.evidence is not None
]


def test_at_least_twelve_checks_ship_across_three_questionnaires():
    assert len(SHIPPED) >= 12
    assert len({definition.id for definition, _ in SHIPPED}) >= 3


def claiming(question) -> object:
    """An answer that makes the question's claim."""
    claim = question.evidence.claim
    if claim.one_of:
        return sorted(claim.one_of)[0]
    return claim.at_least if claim.at_least is not None else claim.at_most


def not_claiming(question) -> object:
    claim = question.evidence.claim
    if claim.one_of:
        return next(o.id for o in question.options if o.id not in claim.one_of)
    return claim.at_least - 1 if claim.at_least is not None else claim.at_most + 1


def beyond(line: Line, step: float) -> float:
    return line.below - step if line.below is not None else line.above + step


@pytest.mark.parametrize(
    ("definition", "question"), SHIPPED, ids=[q.id for _, q in SHIPPED]
)
def test_each_shipped_check_on_both_sides_of_its_line(definition, question):
    figure, line = question.evidence.figure, question.evidence.line
    answers = {question.id: claiming(question)}

    def verdict(value):
        [finding] = [
            f
            for f in check(definition, answers, {figure: value})
            if f.question is question
        ]
        return finding.verdict

    assert verdict(beyond(line, 0.1)) == Verdict.CONTRADICTED
    assert verdict(beyond(line, 0)) == Verdict.SUPPORTED  # on the line
    assert verdict(beyond(line, -10)) == Verdict.SUPPORTED
    assert verdict(None) == Verdict.UNTESTED
    assert question.evidence.why.en and question.evidence.why.tr
    # an answer that claims nothing is not tested
    quiet = {question.id: not_claiming(question)}
    assert not [
        f
        for f in check(definition, quiet, {figure: beyond(line, 5)})
        if f.question is question
    ]


def test_unanswered_questions_are_not_tested():
    definition = DEFINITIONS["idic"]
    assert check(definition, {}, {figure: 0.0 for figure in Figure}) == []


def test_claims_by_rating_number_and_option():
    assert Claim(at_least=4).made_by(4) and not Claim(at_least=4).made_by(3)
    assert Claim(at_most=2).made_by(1) and not Claim(at_most=2).made_by(3)
    assert Claim(one_of=frozenset({"yes"})).made_by("yes")
    assert Claim(one_of=frozenset({"a", "b"})).made_by(["c", "b"])
    assert not Claim(one_of=frozenset({"yes"})).made_by("no")
    assert not Claim(at_least=4).made_by("5")  # text is no rating
    assert not Claim(at_least=4).made_by(True)
    assert not Claim(at_least=4).made_by(None)


def test_contradicted_keeps_only_the_contradictions():
    definition = DEFINITIONS["idic"]
    answers = {"identify_decision_maker": "yes", "identify_data_upkeep": 5}
    findings = check(
        definition,
        answers,
        {Figure.DECISION_MAKER_COVERAGE: 20.0, Figure.VERIFIED_12M: 90.0},
    )
    assert [f.verdict for f in findings] == [Verdict.CONTRADICTED, Verdict.SUPPORTED]
    assert [f.question.id for f in contradicted(findings)] == [
        "identify_decision_maker"
    ]


BASE = {
    "id": "probe",
    "title": {"en": "P", "tr": "P"},
    "sections": [
        {
            "id": "s",
            "title": {"en": "S", "tr": "S"},
            "questions": [
                {
                    "id": "q",
                    "kind": "yes_no",
                    "text": {"en": "Q?", "tr": "S?"},
                    "options": [{"id": "yes"}, {"id": "no"}],
                }
            ],
        }
    ],
}


def with_evidence(evidence) -> dict:
    question = BASE["sections"][0]["questions"][0] | {"evidence": evidence}
    return BASE | {"sections": [BASE["sections"][0] | {"questions": [question]}]}


@pytest.mark.parametrize(
    ("evidence", "fault"),
    [
        ({"figure": "nonsense"}, "unknown figure"),
        (
            {"figure": "email_share", "claim": {"one_of": ["maybe"]}},
            "one_of must list options",
        ),
        (
            {"figure": "email_share", "claim": {"at_least": 4}, "contradicted": {}},
            "contradicted takes one of below or above",
        ),
        (
            {
                "figure": "email_share",
                "claim": {"one_of": ["yes"]},
                "contradicted": {"below": 50},
            },
            "why: needs a text with 'en' and 'tr'",
        ),
        ("email_share", "must be a mapping"),
    ],
)
def test_a_faulty_check_is_refused_with_what_is_wrong(evidence, fault):
    with pytest.raises(InvalidDefinition) as refused:
        parse(with_evidence(evidence), "probe.yaml")
    assert fault in str(refused.value)
