"""The tabs of an engagement's pages, as data: the engagement bar and each
phase's sub-tabs. One macro (``tab_list`` in ``_macros.html``) draws them all,
so a new page names the tab it belongs to here instead of in a template."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, request, url_for
from flask_babel import lazy_gettext as _l

from app.questionnaires import registry
from assessments.progress import Phase
from assessments.questionnaire import QuestionnaireId
from assessments.roles import Action


@dataclass(frozen=True)
class Tab:
    """One tab: where it leads, and which pages it stands for."""

    endpoint: str
    text: str
    #: other endpoints whose pages belong to this tab
    also: tuple[str, ...] = ()
    #: a blueprint all of whose pages belong to this tab
    blueprint: str | None = None
    #: a phase whose registered questionnaires' pages belong to this tab
    phase: Phase | None = None
    #: the questionnaire whose generic pages this tab opens
    questionnaire: QuestionnaireId | None = None
    #: what a member must be allowed to do to see the tab: no tab leads to a
    #: page that would refuse them
    action: Action = Action.VIEW

    def url(self, engagement_id: int) -> str:
        if self.questionnaire is not None:
            return url_for(
                self.endpoint,
                engagement_id=engagement_id,
                questionnaire_id=self.questionnaire,
            )
        return url_for(self.endpoint, engagement_id=engagement_id)

    def is_current(self) -> bool:
        """Whether the page being shown belongs to this tab."""
        shown = (request.view_args or {}).get("questionnaire_id")
        if request.blueprint == "questionnaires" and shown is not None:
            if self.questionnaire is not None:
                return shown == self.questionnaire
            pages = registry.pages(shown)
            return pages is not None and pages.phase == self.phase
        return (
            request.endpoint == self.endpoint
            or request.endpoint in self.also
            or (self.blueprint is not None and request.blueprint == self.blueprint)
        )


ENGAGEMENT_TABS = (
    Tab("engagements.dashboard", _l("Dashboard")),
    Tab("engagements.glance", _l("At a glance")),
    Tab("preparation.index", _l("Preparation"), blueprint="preparation"),
    Tab("planning.index", _l("Planning"), blueprint="planning"),
    Tab("design.customers", _l("Design"), blueprint="design", phase=Phase.DESIGN),
    Tab(
        "implementation.index",
        _l("Implementation"),
        blueprint="implementation",
        phase=Phase.IMPLEMENTATION,
    ),
    Tab("engagements.members", _l("Members")),
    Tab("reports.index", _l("Reports"), blueprint="reports"),
    Tab("engagements.activity_feed", _l("Activity")),
    Tab("jobs.index", _l("Jobs"), blueprint="jobs"),
)

PHASE_TABS = {
    Phase.PREPARATION: (
        Tab("preparation.index", _l("Questionnaire"), also=("preparation.section",)),
        Tab(
            "preparation.latest_result",
            _l("Result and gates"),
            also=("preparation.result", "preparation.compare"),
        ),
        Tab("preparation.organisation_page", _l("Organisation")),
        Tab("preparation.change_log", _l("Change log")),
    ),
    Phase.PLANNING: (
        Tab("planning.index", _l("Workshop sessions"), also=("planning.session",)),
        Tab("planning.strategy", _l("Strategies and vision")),
        Tab(
            "planning.goals",
            _l("Goals and measures"),
            also=("planning.goal", "planning.measure"),
        ),
    ),
    Phase.DESIGN: (
        Tab(
            "design.customers",
            _l("Customers"),
            also=("design.customer", "design.duplicates"),
        ),
        Tab(
            "design.import_file",
            _l("Import"),
            also=("design.import_mapping", "design.import_plan"),
            action=Action.MANAGE_CUSTOMER_DATA,
        ),
        Tab(
            "design.analysis",
            _l("Analysis"),
            also=("design.snapshot", "design.comparison", "design.snapshot_customers"),
        ),
        Tab("design.capability", _l("IDIC capability"), phase=Phase.DESIGN),
        Tab("design.quality", _l("Data quality")),
        Tab("design.strategies", _l("Group strategies")),
    ),
    Phase.IMPLEMENTATION: (
        Tab(
            "implementation.index",
            _l("Scorecard"),
            also=(
                "implementation.objective",
                "implementation.measure",
                "implementation.edit_measure",
            ),
        ),
        Tab("implementation.strategy_map", _l("Strategy map")),
        Tab("implementation.kpis", _l("KPIs")),
        Tab(
            "questionnaires.index",
            _l("Gap analysis"),
            questionnaire=QuestionnaireId.GAP_ANALYSIS,
        ),
        Tab(
            "implementation.transition_plan",
            _l("Transition plan"),
            also=("implementation.package", "implementation.plan_settings"),
        ),
        Tab(
            "questionnaires.index",
            _l("Critical success factors"),
            questionnaire=QuestionnaireId.SUCCESS_FACTORS,
        ),
        Tab("implementation.reviews", _l("Review log")),
    ),
}


def register_template_helpers(app: Flask) -> None:
    app.jinja_env.globals.update(engagement_tabs=ENGAGEMENT_TABS, phase_tabs=PHASE_TABS)
