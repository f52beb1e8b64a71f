"""The shipped gap analysis rates every component of a CRM system, strategy
first, in every layer of its architecture: the current level and the designed
one on a 1–5 scale, with an optional note, under the ids the analysis reads."""

from assessments.questionnaire import DEFINITIONS, Kind, Text, load

GAP_ANALYSIS = load(DEFINITIONS / "gap_analysis.yaml")
COMPONENTS = ["strategy", "people", "process", "technology"]
LAYERS = ["operational", "analytical", "collaborative"]
PARTS = [("current", Kind.SCALE, True), ("designed", Kind.SCALE, True)]
PARTS += [("note", Kind.TEXT, False)]


def texts():
    yield GAP_ANALYSIS.title
    yield GAP_ANALYSIS.description
    for section in GAP_ANALYSIS.sections:
        yield section.title
        yield section.intro
        for question in section.questions:
            yield question.text
            yield question.help
            yield from (option.text for option in question.options)


def test_it_is_the_gap_analysis():
    assert GAP_ANALYSIS.id == "gap_analysis"
    assert GAP_ANALYSIS.version == 1


def test_the_sections_are_the_components_strategy_first():
    assert [section.id for section in GAP_ANALYSIS.sections] == COMPONENTS


def test_each_component_rates_each_layer_now_and_as_designed_with_a_note():
    for section in GAP_ANALYSIS.sections:
        expected = [
            (f"{section.id}_{layer}_{part}", kind, required)
            for layer in LAYERS
            for part, kind, required in PARTS
        ]
        got = [(q.id, q.kind, q.required) for q in section.questions]
        assert got == expected
    assert len(list(GAP_ANALYSIS.questions())) == 36


def test_the_ratings_are_plain_scales():
    for question in GAP_ANALYSIS.questions():
        assert not question.options
        assert not question.reverse


def test_every_text_help_and_intro_is_in_english_and_turkish():
    for text in texts():
        assert isinstance(text, Text)
        assert text.en.strip() and text.tr.strip()


def test_no_text_holds_a_percent_sign():
    for text in texts():
        assert "%" not in text.en and "%" not in text.tr
