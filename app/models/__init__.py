"""The database models, one module per area."""

from app.models.accounts import SiteRole, User
from app.models.tenancy import CompanySize, Engagement, Membership

__all__ = ["CompanySize", "Engagement", "Membership", "SiteRole", "User"]
