"""Pages of the implementation phase."""

from app.implementation import bp
from app.models import Membership
from app.tenancy import engagement_view, redirect_to

SUCCESS_FACTORS = "success_factors"


@bp.route("/")
@engagement_view()
def index(membership: Membership):
    """The phase opens on its success-factor checklist."""
    return redirect_to(
        "questionnaires.index", membership, questionnaire_id=SUCCESS_FACTORS
    )
