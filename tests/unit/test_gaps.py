from assessments.gaps import (
    Component,
    Layer,
    by_component,
    gaps,
    priorities,
    question_id,
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
