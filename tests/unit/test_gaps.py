import pytest

from assessments.gaps import (
    Component,
    Layer,
    by_component,
    cell_of,
    gaps,
    priorities,
    question_id,
    uncovered,
)


def _answers(cells):
    answers = {}
    for (component, layer), (current, designed) in cells.items():
        answers[question_id(component, layer, "current")] = current
        answers[question_id(component, layer, "designed")] = designed
    return answers


def test_gap_size_is_designed_minus_current_and_never_negative():
    answers = _answers(
        {
            (Component.STRATEGY, Layer.OPERATIONAL): (2, 5),
            (Component.TECHNOLOGY, Layer.ANALYTICAL): (4, 3),
        }
    )
    answers[question_id(Component.STRATEGY, Layer.OPERATIONAL, "note")] = " no plan "
    cells = gaps(answers)
    assert [(c.component, c.layer, c.size) for c in cells] == [
        (Component.STRATEGY, Layer.OPERATIONAL, 3),
        (Component.TECHNOLOGY, Layer.ANALYTICAL, 0),
    ]
    assert cells[0].note == "no plan"


def test_a_half_rated_cell_is_left_out():
    answers = {question_id(Component.PEOPLE, Layer.OPERATIONAL, "current"): 2}
    assert gaps(answers) == []


def test_people_and_process_gaps_weigh_more_than_technology():
    cells = gaps(
        _answers(
            {
                (Component.STRATEGY, Layer.OPERATIONAL): (3, 4),  # 1 × 1.0
                (Component.PEOPLE, Layer.COLLABORATIVE): (2, 4),  # 2 × 1.5
                (Component.PROCESS, Layer.OPERATIONAL): (3, 4),  # 1 × 1.5
                (Component.TECHNOLOGY, Layer.ANALYTICAL): (1, 4),  # 3 × 1.0
                (Component.TECHNOLOGY, Layer.OPERATIONAL): (4, 4),  # no gap
            }
        )
    )
    ranked = priorities(cells)
    assert [(c.component, c.priority) for c in ranked] == [
        (Component.PEOPLE, 3.0),  # ties with technology; people comes first
        (Component.TECHNOLOGY, 3.0),
        (Component.PROCESS, 1.5),
        (Component.STRATEGY, 1.0),
    ]


def test_each_component_averages_its_rated_layers():
    cells = gaps(
        _answers(
            {
                (Component.PEOPLE, Layer.OPERATIONAL): (1, 4),
                (Component.PEOPLE, Layer.ANALYTICAL): (2, 4),
                (Component.PROCESS, Layer.ANALYTICAL): (5, 4),
            }
        )
    )
    summary = by_component(cells)
    assert [(s.component, s.current, s.designed, s.size) for s in summary] == [
        (Component.PEOPLE, 1.5, 4.0, 2.5),
        (Component.PROCESS, 5.0, 4.0, 0.0),
    ]


def test_a_component_gap_is_the_mean_of_its_cells_unrounded():
    # the Strategy: gaps 1, 2, 1 (means 2.33 and 3.67): the gap is
    # 1.33, not 3.7 − 2.3 = 1.4 from rounded means
    cells = gaps(
        _answers(
            {
                (Component.STRATEGY, Layer.OPERATIONAL): (2, 3),
                (Component.STRATEGY, Layer.ANALYTICAL): (2, 4),
                (Component.STRATEGY, Layer.COLLABORATIVE): (3, 4),
            }
        )
    )
    (strategy,) = by_component(cells)
    assert strategy.size == pytest.approx(4 / 3)
    assert strategy.current == pytest.approx(7 / 3)
    assert strategy.designed == pytest.approx(11 / 3)
    assert round(strategy.size, 1) == 1.3


def test_a_cell_beyond_its_design_does_not_hide_another_cells_gap():
    cells = gaps(
        _answers(
            {
                (Component.PROCESS, Layer.OPERATIONAL): (5, 3),
                (Component.PROCESS, Layer.ANALYTICAL): (2, 4),
            }
        )
    )
    assert by_component(cells)[0].size == 1.0


def test_priorities_no_package_names_are_uncovered_in_rank_order():
    ranked = priorities(
        gaps(
            _answers(
                {
                    (Component.TECHNOLOGY, Layer.ANALYTICAL): (1, 4),
                    (Component.PEOPLE, Layer.OPERATIONAL): (2, 4),
                    (Component.STRATEGY, Layer.OPERATIONAL): (2, 3),
                }
            )
        )
    )
    assert [c.code for c in ranked] == [
        "people/operational",  # 2 × 1.5, before technology's 3 × 1 on a tie
        "technology/analytical",
        "strategy/operational",
    ]
    left = uncovered(ranked, {"people/operational", "no/such"})
    assert [c.code for c in left] == ["technology/analytical", "strategy/operational"]
    assert cell_of("people/operational") == (Component.PEOPLE, Layer.OPERATIONAL)
    assert cell_of("people/nowhere") is None
