"""Pages of the customers: the list, one customer, their contacts,
interactions, notes and value-group override."""

from __future__ import annotations

from flask import abort, flash, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.design import analyses, bp, customers
from app.design.forms import (
    ContactForm,
    CustomerForm,
    InteractionEditForm,
    InteractionForm,
    NotesForm,
    OverrideForm,
)
from app.forms import ConfirmForm
from app.i18n.locale import local_today
from app.models import Contact, Customer, Interaction, Membership
from app.refusals import saved
from app.tenancy import engagement_view, owned_or_404, redirect_to
from app.text import without_control_characters
from app.url_values import page_number
from assessments.idic import LifecycleStage
from assessments.roles import Action
from assessments.value_groups import Flag, ValueGroup

#: What a refused change means, and which field it belongs to.
_REFUSALS = {
    "duplicate_account": (
        "account_number",
        _l("Another customer already has this account number."),
    ),
}


def _filter_from_request() -> customers.CustomerFilter:
    """The list's filters from the query string; unknown values are ignored."""
    args = request.args
    stage = args.get("stage", "")
    return customers.CustomerFilter(
        search=without_control_characters(args.get("q", "")).strip()[:100],
        stage=LifecycleStage(stage) if stage in set(LifecycleStage) else None,
        group=_known(args.get("group", ""), {g.value for g in ValueGroup}),
        abc=_known(args.get("abc", ""), {"A", "B", "C"}),
        flag=_known(args.get("flag", ""), {f.value for f in Flag}),
    )


def _known(value: str, allowed: set[str]) -> str:
    return value if value in allowed else ""


@bp.route("/customers", endpoint="customers")
@engagement_view()
def customers_list(membership: Membership):
    """Every customer, searchable and filterable by the latest analysis."""
    engagement = membership.engagement
    snapshot = analyses.latest_snapshot(engagement.id)
    chosen = _filter_from_request()
    page, results = customers.customer_page(
        engagement.id, snapshot, chosen, page_number()
    )
    return render_template(
        "design/customers.html",
        engagement=engagement,
        page=page,
        results=results,
        snapshot=snapshot,
        chosen=chosen,
        total=customers.customer_count(engagement.id),
        stages=list(LifecycleStage),
        groups=list(ValueGroup),
        flags=list(Flag),
    )


@bp.route("/customers/new", methods=["GET", "POST"])
@engagement_view(Action.MANAGE_CUSTOMER_DATA)
def new_customer(membership: Membership):
    return _customer_form(membership, None)


@bp.route("/customers/<int:customer_id>/edit", methods=["GET", "POST"])
@engagement_view(Action.MANAGE_CUSTOMER_DATA)
def edit_customer(membership: Membership, customer_id: int):
    customer = owned_or_404(Customer, customer_id, membership.engagement_id)
    return _customer_form(membership, customer)


def _customer_form(membership: Membership, customer: Customer | None):
    form = CustomerForm(obj=customer)
    if form.validate_on_submit():
        values = form.values()
        stored = saved(
            form,
            lambda: customers.save_customer(membership.engagement_id, customer, values),
            _REFUSALS,
        )
        if stored:
            flash(_("Customer saved."), "success")
            return redirect_to("design.customer", membership, customer_id=stored.id)
    return render_template(
        "design/customer_form.html",
        engagement=membership.engagement,
        form=form,
        customer=customer,
    )


@bp.route("/customers/<int:customer_id>/delete", methods=["POST"])
@engagement_view(Action.ANALYSE_CUSTOMERS)
def delete_customer(membership: Membership, customer_id: int):
    """Remove a customer with their contacts, sales, complaints and interactions;
    earlier analyses keep their rows."""
    customer = owned_or_404(Customer, customer_id, membership.engagement_id)
    if ConfirmForm().validate_on_submit():
        customers.remove_customer(customer, membership.user_id)
        flash(_("Removed."), "success")
    return redirect_to("design.customers", membership)


@bp.route("/customers/<int:customer_id>")
@engagement_view()
def customer(membership: Membership, customer_id: int):
    """One customer: contacts, sales, complaints, interactions, history."""
    row = owned_or_404(Customer, customer_id, membership.engagement_id)
    return _customer_page(membership, row)


def _customer_page(membership: Membership, row: Customer, **forms):
    quality = customers.quality_of(row, local_today())
    override = customers.override_of(row)
    defaults = {
        "contact_form": ContactForm(prefix="contact"),
        "interaction_form": InteractionForm(
            prefix="interaction", occurred_on=local_today()
        ),
        "notes_form": NotesForm(prefix="notes", obj=row),
        "override_form": OverrideForm(prefix="override", obj=override),
    }
    return render_template(
        "design/customer.html",
        engagement=membership.engagement,
        customer=row,
        quality=quality,
        sales=customers.sales_summary(row),
        complaints=customers.complaints(row),
        interactions=customers.interactions(row),
        history=customers.history(row),
        override=override,
        **(defaults | forms),
    )


def _post_on_customer(membership, customer_id, form_class, prefix, save, message):
    """Every form on the customer page: validate, save, say so, back to the
    page; a form with errors shows the page again with them."""
    row = owned_or_404(Customer, customer_id, membership.engagement_id)
    form = form_class(prefix=prefix)
    if not form.validate_on_submit():
        return _customer_page(membership, row, **{f"{prefix}_form": form}), 400
    save(row, form)
    flash(message, "success")
    return redirect_to("design.customer", membership, customer_id=row.id)


@bp.route("/customers/<int:customer_id>/contacts", methods=["POST"])
@engagement_view(Action.MANAGE_CUSTOMER_DATA)
def add_contact(membership: Membership, customer_id: int):
    def save(row, form):
        customers.add_contact(row, form.values())

    return _post_on_customer(
        membership, customer_id, ContactForm, "contact", save, _("Contact added.")
    )


@bp.route("/contacts/<int:contact_id>", methods=["GET", "POST"])
@engagement_view(Action.MANAGE_CUSTOMER_DATA)
def edit_contact(membership: Membership, contact_id: int):
    contact = owned_or_404(
        Contact, contact_id, membership.engagement_id, through=Contact.customer
    )
    form = ContactForm(obj=contact)
    if form.validate_on_submit():
        customers.save_contact(contact, form.values())
        flash(_("Contact saved."), "success")
        return redirect_to(
            "design.customer", membership, customer_id=contact.customer_id
        )
    return render_template(
        "design/contact.html",
        engagement=membership.engagement,
        contact=contact,
        form=form,
    )


@bp.route("/contacts/<int:contact_id>/delete", methods=["POST"])
@engagement_view(Action.MANAGE_CUSTOMER_DATA)
def delete_contact(membership: Membership, contact_id: int):
    contact = owned_or_404(
        Contact, contact_id, membership.engagement_id, through=Contact.customer
    )
    customer_id = contact.customer_id
    if ConfirmForm().validate_on_submit():
        customers.remove_contact(contact, membership.user_id)
        flash(_("Removed."), "success")
    return redirect_to("design.customer", membership, customer_id=customer_id)


@bp.route("/customers/<int:customer_id>/interactions", methods=["POST"])
@engagement_view(Action.MANAGE_CUSTOMER_DATA)
def log_interaction(membership: Membership, customer_id: int):
    def save(row, form):
        customers.log_interaction(row, form.values(), current_user)

    return _post_on_customer(
        membership,
        customer_id,
        InteractionForm,
        "interaction",
        save,
        _("Interaction logged."),
    )


@bp.route("/interactions/<int:interaction_id>", methods=["GET", "POST"])
@engagement_view(Action.MANAGE_CUSTOMER_DATA)
def edit_interaction(membership: Membership, interaction_id: int):
    """Correct a logged interaction: its date, channel, direction or note."""
    interaction = owned_or_404(Interaction, interaction_id, membership.engagement_id)
    form = InteractionEditForm(obj=interaction)
    if form.validate_on_submit():
        customers.correct_interaction(interaction, form.values(), membership.user_id)
        flash(_("Interaction saved."), "success")
        return redirect_to(
            "design.customer", membership, customer_id=interaction.customer_id
        )
    status = 400 if form.is_submitted() else 200
    return render_template(
        "design/interaction.html",
        engagement=membership.engagement,
        interaction=interaction,
        form=form,
    ), status


@bp.route("/interactions/<int:interaction_id>/delete", methods=["POST"])
@engagement_view(Action.MANAGE_CUSTOMER_DATA)
def delete_interaction(membership: Membership, interaction_id: int):
    interaction = owned_or_404(Interaction, interaction_id, membership.engagement_id)
    customer_id = interaction.customer_id
    if ConfirmForm().validate_on_submit():
        customers.remove_interaction(interaction, membership.user_id)
        flash(_("Removed."), "success")
    return redirect_to("design.customer", membership, customer_id=customer_id)


@bp.route("/customers/<int:customer_id>/notes", methods=["POST"])
@engagement_view(Action.MANAGE_CUSTOMER_DATA)
def save_notes(membership: Membership, customer_id: int):
    def save(row, form):
        customers.save_notes(row, form.customisation_notes.data or "")

    return _post_on_customer(
        membership, customer_id, NotesForm, "notes", save, _("Notes saved.")
    )


@bp.route("/customers/<int:customer_id>/override", methods=["POST"])
@engagement_view(Action.ANALYSE_CUSTOMERS)
def set_override(membership: Membership, customer_id: int):
    """Put the customer in a value group by strategic judgement."""

    def save(row, form):
        group = ValueGroup(form.value_group.data)
        customers.set_override(row, group, form.reason.data, current_user)

    return _post_on_customer(
        membership,
        customer_id,
        OverrideForm,
        "override",
        save,
        _("Override saved; the next analysis applies it."),
    )


@bp.route("/customers/<int:customer_id>/override/delete", methods=["POST"])
@engagement_view(Action.ANALYSE_CUSTOMERS)
def remove_override(membership: Membership, customer_id: int):
    row = owned_or_404(Customer, customer_id, membership.engagement_id)
    override = customers.override_of(row)
    if override is None:
        abort(404)
    if ConfirmForm().validate_on_submit():
        customers.remove_override(row, override, membership.user_id)
        flash(_("Removed."), "success")
    return redirect_to("design.customer", membership, customer_id=row.id)
