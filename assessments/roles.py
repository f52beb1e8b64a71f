"""Who may do what inside an engagement."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """A member's role in one engagement."""

    CONSULTANT = "consultant"
    TEAM = "team"
    SPONSOR = "sponsor"


class Action(StrEnum):
    """Things a member may want to do inside an engagement."""

    VIEW = "view"
    EDIT_ENGAGEMENT = "edit_engagement"
    MANAGE_MEMBERS = "manage_members"
    ANSWER_QUESTIONNAIRES = "answer_questionnaires"
    UPDATE_OWN_MEASURES = "update_own_measures"
    APPROVE_GATES = "approve_gates"
    OVERRIDE_GATES = "override_gates"
    MANAGE_ORGANISATION = "manage_organisation"
    GENERATE_REPORTS = "generate_reports"
    #: import and edit customers, log interactions, write customisation notes
    MANAGE_CUSTOMER_DATA = "manage_customer_data"
    #: take analyses, override value groups, merge customers, set strategies
    ANALYSE_CUSTOMERS = "analyse_customers"


#: The method's division of work: the consultant leads, edits and analyses; the
#: team answers and keeps its own measures and the customer data up to date;
#: the sponsor reads everything
#: and decides on the gates, nothing else.
_PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.CONSULTANT: frozenset(Action) - {Action.APPROVE_GATES},
    Role.TEAM: frozenset(
        {
            Action.VIEW,
            Action.ANSWER_QUESTIONNAIRES,
            Action.UPDATE_OWN_MEASURES,
            Action.GENERATE_REPORTS,
            Action.MANAGE_CUSTOMER_DATA,
        }
    ),
    Role.SPONSOR: frozenset(
        {Action.VIEW, Action.APPROVE_GATES, Action.GENERATE_REPORTS}
    ),
}


def can(role: Role, action: Action) -> bool:
    """Whether a member with this role may perform the action."""
    return action in _PERMISSIONS[role]
