"""Pages of the analyses, data quality, group strategies and the design report."""

from __future__ import annotations

from flask import abort, flash, render_template
from flask_babel import gettext as _
from flask_login import current_user

from app.design import analyses, bp, customers
from app.design import strategies as group_strategies
from app.design.analysis_jobs import ANALYSIS_REFUSALS
from app.design.forms import AnalysisForm, StrategyForm, WithdrawForm, parse_edges
from app.extensions import db
from app.i18n.locale import local_today
from app.jobs import services as jobs
from app.models import Membership, Snapshot
from app.questionnaires.results import capability_summary, maturity_profile
from app.refusals import saved
from app.tenancy import engagement_view, owned_or_404, redirect_to
from app.url_values import query_id
from assessments import rfm
from assessments.idic import Channel, Segment
from assessments.jobs import JobKind, JobStatus
from assessments.questionnaire import QuestionnaireId
from assessments.roles import Action
from assessments.value_groups import Flag, GroupRules, ValueGroup

#: How many movers the comparison lists by name before it only counts.
MOVERS_SHOWN = 100


@bp.route("/analysis")
@engagement_view()
def analysis(membership: Membership):
    """Every analysis taken, and a new one with the method's default rules."""
    return _analysis_page(membership, AnalysisForm(as_of=local_today()))


@bp.route("/analysis", methods=["POST"])
@engagement_view(Action.ANALYSE_CUSTOMERS)
def run_analysis(membership: Membership):
    """Queue an analysis of the data as it is now; its job's page follows it
    to the new snapshot (straight there when it is over at once)."""
    form = AnalysisForm()
    if not form.validate_on_submit():
        return _analysis_page(membership, form), 400
    settings = _settings(form)
    if not analyses.has_sales_until(membership.engagement_id, settings.as_of):
        form.as_of.errors.append(str(ANALYSIS_REFUSALS["no_transactions"][1]))
        return _analysis_page(membership, form), 400
    job = jobs.start(
        membership.engagement, JobKind.ANALYSIS, current_user, settings.as_job()
    )
    if job.status == JobStatus.DONE:  # quick enough to be over already
        snapshot = db.session.get(Snapshot, job.result_id)
        flash(_("Analysis %(number)s is ready.", number=snapshot.number), "success")
        return redirect_to("design.snapshot", membership, snapshot_id=snapshot.id)
    return redirect_to("jobs.show", membership, job_id=job.id)


def _analysis_page(membership: Membership, form: AnalysisForm):
    engagement = membership.engagement
    return render_template(
        "design/analysis.html",
        engagement=engagement,
        snapshots=analyses.snapshots(engagement),
        customers=customers.customer_count(engagement.id),
        form=form,
    )


def _settings(form: AnalysisForm) -> analyses.Settings:
    return analyses.Settings(
        as_of=form.as_of.data,
        use_profit=form.use_profit.data,
        rules=GroupRules(
            cost_to_serve=form.cost_to_serve.data,
            mvc_share=form.mvc_percent.data / 100,
            growth=form.growth_percent.data / 100,
            a_share=form.a_percent.data / 100,
            b_share=form.b_percent.data / 100,
        ),
        bands=rfm.Bands(
            recency=parse_edges(form.recency_edges.data),
            frequency=parse_edges(form.frequency_edges.data),
            monetary=parse_edges(form.monetary_edges.data),
        ),
    )


@bp.route("/analysis/<int:snapshot_id>")
@engagement_view()
def snapshot(membership: Membership, snapshot_id: int):
    """One stored analysis: grids, groups, classes, rules, and the movement
    since the analysis before it."""
    row = owned_or_404(Snapshot, snapshot_id, membership.engagement_id)
    return _snapshot_page(membership, row, WithdrawForm(formdata=None))


@bp.route("/analysis/<int:snapshot_id>/withdraw", methods=["POST"])
@engagement_view(Action.ANALYSE_CUSTOMERS)
def withdraw_analysis(membership: Membership, snapshot_id: int):
    """Withdraw a mistaken analysis, with the reason."""
    row = owned_or_404(Snapshot, snapshot_id, membership.engagement_id)
    form = WithdrawForm()
    if not form.validate_on_submit() or not saved(
        form,
        lambda: analyses.withdraw(row, form.reason.data, membership.user_id),
        ANALYSIS_REFUSALS,
    ):
        return _snapshot_page(membership, row, form), 400
    flash(_("Analysis %(number)s is withdrawn.", number=row.number), "success")
    return redirect_to("design.snapshot", membership, snapshot_id=row.id)


def _snapshot_page(membership: Membership, row: Snapshot, form: WithdrawForm):
    previous = None if row.withdrawn else analyses.previous_snapshot(row)
    others = analyses.snapshots(membership.engagement, withdrawn=False)
    return render_template(
        "design/snapshot.html",
        engagement=membership.engagement,
        snapshot=row,
        previous=previous,
        movement=analyses.movement(previous, row) if previous else None,
        groups=list(ValueGroup),
        flags=list(Flag),
        channels=list(Channel),
        others=[] if row.withdrawn else [s for s in others if s.id != row.id],
        withdraw_form=form,
    )


@bp.route("/analysis/<int:snapshot_id>/compare")
@engagement_view()
def comparison(membership: Membership, snapshot_id: int):
    """Two standing analyses side by side: who moved up, down, in and out."""
    after = _standing_or_404(snapshot_id, membership)
    before_id = query_id("with")
    if before_id is None:
        abort(404)
    before = _standing_or_404(before_id, membership)
    if before.number > after.number:
        before, after = after, before
    movement = analyses.movement(before, after)
    return render_template(
        "design/comparison.html",
        engagement=membership.engagement,
        before=before,
        after=after,
        movement=movement,
        moved_up=customers.movers(
            membership.engagement_id, movement.moved_up, MOVERS_SHOWN
        ),
        moved_down=customers.movers(
            membership.engagement_id, movement.moved_down, MOVERS_SHOWN
        ),
        shown=MOVERS_SHOWN,
    )


def _standing_or_404(snapshot_id: int, membership: Membership) -> Snapshot:
    """An analysis of the engagement that has not been withdrawn."""
    row = owned_or_404(Snapshot, snapshot_id, membership.engagement_id)
    if row.withdrawn:
        abort(404)
    return row


@bp.route("/capability")
@engagement_view()
def capability(membership: Membership):
    """The IDIC capability questionnaire, served by the questionnaire pages."""
    return redirect_to(
        "questionnaires.index", membership, questionnaire_id=QuestionnaireId.IDIC
    )


@bp.route("/quality")
@engagement_view()
def quality(membership: Membership):
    """How complete and current the customer data is, now."""
    engagement = membership.engagement
    return render_template(
        "design/quality.html",
        engagement=engagement,
        report=analyses.quality_report(engagement, local_today()),
        weakest=analyses.weakest_records(engagement.id, local_today()),
        capability=capability_summary(engagement),
        maturity=maturity_profile(engagement),
    )


@bp.route("/strategies")
@engagement_view()
def strategies(membership: Membership):
    """The CRM strategy, actions, channel and owner of each customer group."""
    return _strategies_page(membership)


@bp.route("/strategies/<segment>", methods=["POST"])
@engagement_view(Action.ANALYSE_CUSTOMERS)
def save_strategy(membership: Membership, segment: str):
    try:
        chosen = Segment(segment)
    except ValueError:
        abort(404)
    engagement_id = membership.engagement_id
    form = StrategyForm(
        prefix=chosen.value, owners=group_strategies.owners(engagement_id)
    )
    if not form.validate_on_submit():
        return _strategies_page(membership, {chosen: form}), 400
    group_strategies.save_strategy(engagement_id, chosen, form.values())
    flash(_("Strategy saved."), "success")
    return redirect_to("design.strategies", membership)


def _strategies_page(membership: Membership, submitted: dict | None = None):
    engagement_id = membership.engagement_id
    owners = group_strategies.owners(engagement_id)
    stored = group_strategies.strategies(engagement_id)
    forms = {
        segment: StrategyForm(
            prefix=segment.value, owners=owners, obj=stored.get(segment), formdata=None
        )
        for segment in Segment
    } | (submitted or {})
    latest = analyses.latest_snapshot(engagement_id)
    return render_template(
        "design/strategies.html",
        engagement=membership.engagement,
        forms=forms,
        stored=stored,
        summary=latest.summary if latest else None,
    )
