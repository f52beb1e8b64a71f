"""The questionnaire loader refuses faulty files and says exactly what is wrong."""

import textwrap

import pytest

from assessments.questionnaire import (
    DEFINITIONS,
    Category,
    Dimension,
    Gate,
    InvalidDefinition,
    Kind,
    load,
    load_all,
)

VALID = """
id: sample
version: 2
title: {en: "Sample", tr: "Örnek"}
gates: {need: 50}
sections:
  - id: first
    title: {en: "First", tr: "Birinci"}
    questions:
      - id: q_yes_no
        kind: yes_no
        text: {en: "Many customers?", tr: "Çok müşteri mi?"}
        gate: need
        options:
          - {id: "yes", score: 1, dimensions: {customer_knowledge: 0.5}}
          - {id: "no", score: 0}
      - id: q_single
        kind: single
        text: {en: "Why?", tr: "Neden?"}
        options:
          - id: fashion
            text: {en: "Fashion", tr: "Moda"}
            categories: {trend_follower: 2}
          - id: strategy
            text: {en: "Strategy", tr: "Strateji"}
            categories: {strategic_thinker: 3}
            dimensions: {strategy: 1}
      - id: q_scale
        kind: scale
        text: {en: "Shared records", tr: "Ortak kayıtlar"}
        dimensions: {process: 1}
        reverse: true
      - id: q_number
        kind: number
        text: {en: "Customers", tr: "Müşteri sayısı"}
        min: 0
        required: false
      - id: q_text
        kind: text
        text: {en: "Notes", tr: "Notlar"}
        required: false
"""


def write(tmp_path, content: str, name: str = "sample.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(content), encoding="utf-8")
    return path


def faults_of(tmp_path, content: str) -> list[str]:
    with pytest.raises(InvalidDefinition) as error:
        load(write(tmp_path, content))
    return error.value.faults


def test_a_valid_file_becomes_a_definition(tmp_path):
    definition = load(write(tmp_path, VALID))
    assert definition.id == "sample" and definition.version == 2
    assert definition.gates == {Gate.NEED: 50.0}
    kinds = [question.kind for question in definition.questions()]
    assert kinds == [Kind.YES_NO, Kind.SINGLE, Kind.SCALE, Kind.NUMBER, Kind.TEXT]
    yes = definition.question("q_yes_no").option("yes")
    assert yes.text.tr == "Evet"  # yes/no options get their texts by default
    assert yes.dimensions == {Dimension.CUSTOMER_KNOWLEDGE: 0.5}
    strategy = definition.question("q_single").option("strategy")
    assert strategy.categories == {Category.STRATEGIC_THINKER: 3}
    assert definition.question("q_scale").reverse is True


BROKEN = [
    (
        "missing translation",
        VALID.replace('tr: "Neden?"', 'tr: ""'),
        "question 'q_single': missing the 'tr' text",
    ),
    (
        "unknown dimension",
        VALID.replace("dimensions: {process: 1}", "dimensions: {happiness: 1}"),
        "question 'q_scale': unknown dimension 'happiness'",
    ),
    (
        "duplicate id",
        VALID.replace("id: q_number", "id: q_single"),
        "question 'q_single': duplicate id",
    ),
    (
        "option without text",
        VALID.replace('text: {en: "Fashion", tr: "Moda"}', ""),
        "question 'q_single' option 'fashion': needs a text with 'en' and 'tr'",
    ),
    (
        "weights on a free-text question",
        VALID.replace(
            'text: {en: "Notes", tr: "Notlar"}',
            'text: {en: "Notes", tr: "Notlar"}\n        dimensions: {strategy: 1}',
        ),
        "question 'q_text': a text question cannot have 'dimensions'",
    ),
    (
        "unknown category",
        VALID.replace("trend_follower: 2", "dreamer: 2"),
        "question 'q_single' option 'fashion': unknown category 'dreamer'",
    ),
    (
        "unknown kind",
        VALID.replace("kind: scale", "kind: slider"),
        "question 'q_scale': unknown kind 'slider'",
    ),
    (
        "gate without threshold",
        VALID.replace("gates: {need: 50}", "gates: {culture: 50}"),
        "question 'q_yes_no': gate 'need' has no threshold under 'gates'",
    ),
    (
        "gated option without score",
        VALID.replace('{id: "no", score: 0}', '{id: "no"}'),
        "question 'q_yes_no' option 'no': needs a score (0..1)",
    ),
    (
        "score out of range",
        VALID.replace("score: 1,", "score: 4,"),
        "score must be a number from 0 to 1",
    ),
    (
        "category points out of range",
        VALID.replace("strategic_thinker: 3", "strategic_thinker: 9"),
        "weight of 'strategic_thinker' must be a number from 0 to 3",
    ),
    (
        "single choice with one option",
        VALID.replace(
            """          - id: fashion
            text: {en: "Fashion", tr: "Moda"}
            categories: {trend_follower: 2}
""",
            "",
        ),
        "question 'q_single': needs at least two options",
    ),
    (
        "yes/no with other options",
        VALID.replace('{id: "no", score: 0}', '{id: "maybe", score: 0.5}'),
        "a yes/no question has the options 'yes' and 'no'",
    ),
    (
        "misspelt key",
        VALID.replace(
            "required: false\n      - id: q_text", "requird: false\n      - id: q_text"
        ),
        "question 'q_number': unknown key 'requird'",
    ),
    (
        "a whole text question",
        VALID.replace(
            'text: {en: "Notes", tr: "Notlar"}',
            'text: {en: "Notes", tr: "Notlar"}\n        whole: true',
        ),
        "question 'q_text': only a number question can be 'whole'",
    ),
    (
        "a dimension share over 1",
        VALID.replace(
            'title: {en: "First", tr: "Birinci"}',
            'title: {en: "First", tr: "Birinci"}\n    dimension_share: 1.5',
        ),
        "section 'first': dimension_share must be a number from 0 to 1",
    ),
    ("not yaml", "id: [unclosed", "cannot be read"),
    ("empty file", "", "must be a mapping"),
]


@pytest.mark.parametrize(
    "content, expected", [(c, e) for _, c, e in BROKEN], ids=[n for n, _, _ in BROKEN]
)
def test_a_broken_file_is_refused_with_file_question_and_fault(
    tmp_path, content, expected
):
    faults = faults_of(tmp_path, content)
    assert any(expected in fault for fault in faults), faults
    assert all(fault.startswith("sample.yaml: ") for fault in faults)


def test_every_fault_is_reported_at_once(tmp_path):
    broken = VALID.replace('tr: "Neden?"', 'tr: ""').replace(
        "kind: scale", "kind: slider"
    )
    assert len(faults_of(tmp_path, broken)) == 2


def test_two_files_cannot_share_an_id(tmp_path):
    write(tmp_path, VALID, "one.yaml")
    write(tmp_path, VALID, "two.yaml")
    with pytest.raises(InvalidDefinition, match="used by another file"):
        load_all(tmp_path)


def test_the_shipped_questionnaires_are_valid():
    definitions = load_all(DEFINITIONS)
    assert "preparation" in definitions
