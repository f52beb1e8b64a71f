"""Pages of the customer-data import: upload, mapping, plan, commit."""

from app.design import bp
from app.tenancy import engagement_view


@bp.route("/import")
@engagement_view()
def import_file(membership):
    raise NotImplementedError
