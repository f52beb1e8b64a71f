"""The portfolio, the engagement dashboard, its details and its members."""

from dataclasses import dataclass
from datetime import datetime

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from app import activity, memberships
from app.auth.services import set_password_token
from app.engagements import bp, oversight, services
from app.engagements.forms import EngagementForm, InviteForm, RoleForm
from app.forms import ConfirmForm, FormPerItem
from app.i18n.locale import local_today
from app.models import Membership
from app.preparation import services as preparation
from app.preparation.decisions import record_decision
from app.preparation.forms import DecisionForm
from app.questionnaires.views import take_or_404
from app.refusals import Refusal, flash_refusal, saved
from app.tenancy import engagement_view, owned_or_404, redirect_to
from app.url_values import page_number
from assessments.oversight import PEER_FLOOR, furthest_along
from assessments.progress import Step
from assessments.questionnaire import Gate, QuestionnaireId
from assessments.readiness import READINESS_ORDER
from assessments.roles import Action, Role, can
from assessments.scorecard import Status


@dataclass(frozen=True)
class StepPage:
    """Where the dashboard's next-step button leads, and who may follow it."""

    endpoint: str
    action: Action


#: The page that carries out each step of the method the product tracks.
STEP_PAGES = {
    Step.COMPLETE_QUESTIONNAIRE: StepPage(
        "preparation.index", Action.ANSWER_QUESTIONNAIRES
    ),
    Step.CLEAR_GATES: StepPage("preparation.latest_result", Action.VIEW),
    Step.RECORD_ORGANISATION: StepPage(
        "preparation.organisation_page", Action.MANAGE_ORGANISATION
    ),
    Step.HOLD_AWARENESS: StepPage("preparation.change_log", Action.MANAGE_ORGANISATION),
    Step.ANNOUNCE_PROJECT: StepPage(
        "preparation.change_log", Action.MANAGE_ORGANISATION
    ),
    Step.HOLD_WORKSHOPS: StepPage("planning.index", Action.VIEW),
    Step.WRITE_VISION: StepPage("planning.strategy", Action.EDIT_ENGAGEMENT),
    Step.MEASURE_GOALS: StepPage("planning.goals", Action.EDIT_ENGAGEMENT),
    Step.CLOSE_PLANNING: StepPage("planning.index", Action.EDIT_ENGAGEMENT),
    Step.IMPORT_CUSTOMERS: StepPage("design.import_file", Action.MANAGE_CUSTOMER_DATA),
    Step.ASSESS_CAPABILITY: StepPage("design.capability", Action.ANSWER_QUESTIONNAIRES),
    Step.ANALYSE_CUSTOMERS: StepPage("design.analysis", Action.ANALYSE_CUSTOMERS),
    Step.SET_GROUP_STRATEGIES: StepPage("design.strategies", Action.ANALYSE_CUSTOMERS),
    Step.ANALYSE_GAPS: StepPage("implementation.gap_analysis", Action.VIEW),
    Step.SET_TRANSITION_PLAN: StepPage(
        "implementation.transition_plan", Action.EDIT_ENGAGEMENT
    ),
    Step.RECORD_MEASURE_VALUES: StepPage("implementation.index", Action.VIEW),
}

#: What a refused invitation means, and which field it belongs to.
_REFUSALS = {
    "name_needed": (
        "name",
        _l("There is no account for this e-mail yet: give the person's name."),
    ),
    "already_member": ("email", _l("%(name)s is already a member of this engagement.")),
}
#: Why a change to a member was refused.
_MEMBER_REFUSALS = {
    "last_consultant": _l(
        "An engagement needs at least one consultant: appoint another first."
    ),
}


@bp.route("/")
@login_required
def index():
    """The user's engagements; straight to the dashboard when there is only one."""
    if (
        not current_user.may_create_engagements
        and services.membership_count(current_user) == 1
    ):
        only = services.memberships_page(current_user, 1, 1).items[0]
        return redirect(
            url_for("engagements.dashboard", engagement_id=only.engagement_id)
        )
    page = services.memberships_page(
        current_user,
        page_number(),
        current_app.config["PAGE_SIZE"],
    )
    return render_template("engagements/index.html", page=page)


@bp.route("/engagements/new", methods=["GET", "POST"])
@login_required
def create():
    """Open an engagement for a client company."""
    if not current_user.may_create_engagements:
        abort(403)
    form = EngagementForm()
    if form.validate_on_submit():
        engagement = services.create_engagement(current_user, form.values())
        flash(_("Engagement created. Invite the sponsor and the team next."), "success")
        return redirect(url_for("engagements.members", engagement_id=engagement.id))
    return render_template("engagements/form.html", form=form, engagement=None)


@bp.route("/engagements/<int:engagement_id>")
@engagement_view()
def dashboard(membership: Membership):
    """The engagement's home: four phase tiles with the next step of each.
    A sponsor reads the project at a glance instead."""
    if membership.role == Role.SPONSOR:
        return redirect_to("engagements.glance", membership)
    return render_template(
        "engagements/dashboard.html",
        engagement=membership.engagement,
        step_pages=STEP_PAGES,
        view=oversight.project_view(membership.engagement, local_today()),
    )


@bp.route("/engagements/<int:engagement_id>/edit", methods=["GET", "POST"])
@engagement_view(Action.EDIT_ENGAGEMENT)
def edit(membership: Membership):
    """Change the client company's details."""
    engagement = membership.engagement
    form = EngagementForm(obj=engagement)
    if form.validate_on_submit():
        services.update_engagement(engagement, form.values())
        flash(_("Engagement details saved."), "success")
        return redirect(url_for("engagements.dashboard", engagement_id=engagement.id))
    return render_template("engagements/form.html", form=form, engagement=engagement)


@bp.route("/engagements/<int:engagement_id>/members")
@engagement_view()
def members(membership: Membership):
    """Who belongs to the engagement, and in which role."""
    return _members_page(
        membership,
        InviteForm(
            record_sponsor=not services.organisation_has_sponsor(membership.engagement)
        ),
    )


@bp.route("/engagements/<int:engagement_id>/members", methods=["POST"])
@engagement_view(Action.MANAGE_MEMBERS)
def invite(membership: Membership):
    """Invite someone, creating their account if needed."""
    form = InviteForm()
    if not form.validate_on_submit():
        return _members_page(membership, form)
    invitation = saved(
        form,
        lambda: services.invite(
            membership.engagement,
            form.email.data,
            form.name.data,
            Role(form.role.data),
            membership.user_id,
        ),
        _REFUSALS,
    )
    if invitation is None:
        return _members_page(membership, form)
    if invitation.membership.role == Role.SPONSOR and form.record_sponsor.data:
        services.record_as_sponsor(invitation.membership, membership.user_id)
    if invitation.account_created:
        return _set_password_link_page(invitation.membership)
    flash(_("%(name)s was added.", name=invitation.membership.user.name), "success")
    return _back_to_members(membership)


@bp.route(
    "/engagements/<int:engagement_id>/members/<int:member_id>/role", methods=["POST"]
)
@engagement_view(Action.MANAGE_MEMBERS)
def change_role(membership: Membership, member_id: int):
    """Give a member another role."""
    member = owned_or_404(Membership, member_id, membership.engagement_id)
    form = RoleForm()
    if form.validate_on_submit():
        _apply(services.change_role, member, Role(form.role.data))
    return _back_to_members(membership)


@bp.route(
    "/engagements/<int:engagement_id>/members/<int:member_id>/remove", methods=["POST"]
)
@engagement_view(Action.MANAGE_MEMBERS)
def remove_member(membership: Membership, member_id: int):
    """Take a member out of the engagement (their account stays)."""
    member = owned_or_404(Membership, member_id, membership.engagement_id)
    if ConfirmForm().validate_on_submit():
        _apply(services.remove_member, member, membership.user_id)
    return _back_to_members(membership)


@bp.route(
    "/engagements/<int:engagement_id>/members/<int:member_id>/link", methods=["POST"]
)
@engagement_view(Action.MANAGE_MEMBERS)
def new_link(membership: Membership, member_id: int):
    """Issue a fresh set-password link for a member who has not signed in yet."""
    member = owned_or_404(Membership, member_id, membership.engagement_id)
    if member.user.has_password or not ConfirmForm().validate_on_submit():
        abort(400)
    return _set_password_link_page(member)


@bp.route(
    "/engagements/<int:engagement_id>/members/<int:member_id>/sponsor",
    methods=["POST"],
)
@engagement_view(Action.MANAGE_MEMBERS)
def record_sponsor(membership: Membership, member_id: int):
    """Record a sponsor member as the project organisation's sponsor."""
    member = owned_or_404(Membership, member_id, membership.engagement_id)
    if member.role != Role.SPONSOR or not ConfirmForm().validate_on_submit():
        abort(400)
    services.record_as_sponsor(member, membership.user_id)
    flash(
        _("%(name)s is recorded as the project's sponsor.", name=member.user.name),
        "success",
    )
    return _back_to_members(membership)


def _back_to_members(membership: Membership):
    return redirect(
        url_for("engagements.members", engagement_id=membership.engagement_id)
    )


def _apply(change, member: Membership, *args) -> None:
    """Run a membership change and report its outcome as a flash message."""
    try:
        change(member, *args)
    except Refusal as refusal:
        flash_refusal(refusal, _MEMBER_REFUSALS)
    else:
        flash(_("Members updated."), "success")


def _members_page(membership: Membership, invite_form: InviteForm):
    engagement = membership.engagement
    return render_template(
        "engagements/members.html",
        engagement=engagement,
        members=memberships.members(engagement),
        people_of_members=services.people_of_members(engagement),
        invite_form=invite_form,
        role_form=RoleForm(),
        may_manage=can(membership.role, Action.MANAGE_MEMBERS),
    )


def _set_password_link_page(member: Membership):
    link = url_for(
        "auth.set_password", token=set_password_token(member.user), _external=True
    )
    return render_template(
        "engagements/invited.html",
        engagement=member.engagement,
        member=member,
        link=link,
        max_age_days=current_app.config["SET_PASSWORD_LINK_MAX_AGE"] // 86400,
    )


# --- oversight: the sponsor's glance, the activity feed, the portfolio ---------


@bp.route("/engagements/<int:engagement_id>/glance")
@engagement_view()
def glance(membership: Membership):
    """The project on one screen: phases, decisions awaiting the sponsor,
    milestones, scorecard, readiness and maturity, customer figures."""
    return _glance_page(membership, FormPerItem(DecisionForm))


@bp.route(
    "/engagements/<int:engagement_id>/glance/takes/<int:take_id>/gates/<gate>/decision",
    methods=["POST"],
)
@engagement_view(Action.APPROVE_GATES)
def decide_gate(membership: Membership, take_id: int, gate: str):
    """The sponsor approves a gate decision or sends it back from the glance,
    and comes back to the glance; preparation records the decision."""
    take = take_or_404(membership, QuestionnaireId.PREPARATION, take_id)
    chosen = _gate_or_404(gate)
    forms = FormPerItem(DecisionForm)
    form = forms.received(chosen)
    if not form.validate_on_submit():
        return _glance_page(membership, forms), 400
    record_decision(take, chosen, form)
    return redirect_to("engagements.glance", membership)


def _gate_or_404(value: str) -> Gate:
    try:
        return Gate(value)
    except ValueError:
        abort(404)


def _glance_page(membership: Membership, decision_forms: FormPerItem) -> str:
    """The glance, with a decision form per gate that awaits the sponsor."""
    return render_template(
        "engagements/glance.html",
        engagement=membership.engagement,
        view=oversight.project_view(membership.engagement, local_today()),
        decision_forms=decision_forms,
        definition=preparation.definition(),
    )


@bp.route("/engagements/<int:engagement_id>/activity")
@engagement_view()
def activity_feed(membership: Membership):
    """Who did what in the engagement, newest first."""
    return render_template(
        "engagements/activity.html",
        engagement=membership.engagement,
        page=activity.feed(
            membership.engagement_id,
            page_number(),
            current_app.config["PAGE_SIZE"],
        ),
        describe=activity.describe,
    )


#: The portfolio's sortable columns and how each sorts.
PORTFOLIO_SORTS = {
    "name": lambda row: row.engagement.name.casefold(),
    "phase": lambda row: furthest_along(row.phases),
    "category": lambda row: (
        READINESS_ORDER.index(row.category) if row.category else len(READINESS_ORDER)
    ),
    "status": lambda row: STATUS_ORDER.index(row.status),
    "activity": lambda row: row.last_activity or datetime.min,
}
STATUS_ORDER = [Status.RED, Status.AMBER, Status.GREEN, Status.NO_VALUE]


@bp.route("/portfolio")
@login_required
def portfolio():
    """The consultant's engagements in one sortable table, and one client's
    maturity against the average of the others (no other client named)."""
    if not current_user.may_create_engagements:
        abort(403)
    rows = oversight.portfolio(current_user)
    sort = request.args.get("sort", "name")
    if sort not in PORTFOLIO_SORTS:
        sort = "name"
    descending = request.args.get("order") == "desc"
    rows.sort(key=PORTFOLIO_SORTS[sort], reverse=descending)
    chosen = next(
        (
            row.engagement
            for row in rows
            if row.engagement.id == request.args.get("compare", type=int)
        ),
        None,
    )
    return render_template(
        "engagements/portfolio.html",
        rows=rows,
        sort=sort,
        descending=descending,
        chosen=chosen,
        peers=oversight.peers(chosen, current_user, current_app.config["PEER_MINIMUM"])
        if chosen
        else None,
        peer_minimum=max(current_app.config["PEER_MINIMUM"], PEER_FLOOR),
    )
