"""Pages of the questionnaires outside preparation (the IDIC capability
questionnaire of design, and later those of implementation): take, answer,
result, compare. Which questionnaires they serve is in ``registry``."""

from flask import Blueprint

bp = Blueprint(
    "questionnaires",
    __name__,
    url_prefix="/engagements/<int:engagement_id>/questionnaires/<questionnaire_id>",
)

from app.questionnaire_pages import routes  # noqa: E402,F401  (they attach to bp)


@bp.record_once
def _every_registered_questionnaire_is_shipped(state) -> None:
    from app.questionnaire_pages.registry import QUESTIONNAIRES

    missing = set(QUESTIONNAIRES) - set(state.app.extensions["questionnaires"])
    if missing:
        raise RuntimeError(f"no definition for the questionnaires {sorted(missing)}")
