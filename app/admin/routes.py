"""User administration, for site administrators only."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app.admin import bp, services
from app.admin.forms import UserForm
from app.auth.services import email_taken, set_password_token
from app.auth.sessions import password_confirmed
from app.extensions import db
from app.forms import ConfirmForm
from app.models import SiteRole, User
from app.text import without_control_characters
from app.url_values import page_number


@bp.before_request
@login_required
def require_admin():
    """Every page here is for administrators only."""
    if not current_user.is_admin:
        abort(403)


@bp.route("/users")
def users():
    """All user accounts, searchable, a page at a time."""
    search = without_control_characters(request.args.get("q", ""))[:100]
    page = services.users_page(search, page_number(), current_app.config["PAGE_SIZE"])
    return render_template("admin/users.html", page=page, search=search)


@bp.route("/users/new", methods=["GET", "POST"])
@password_confirmed()
def create_user():
    """Create an account and show its one-time set-password link."""
    form = UserForm()
    if form.validate_on_submit():
        if email_taken(form.email.data):
            form.email.errors.append(_("There is already an account for this e-mail."))
        else:
            user = services.create_user(
                form.email.data,
                form.name.data,
                SiteRole(form.site_role.data),
                form.language.data,
            )
            return render_template(
                "admin/user_created.html",
                user=user,
                link=url_for(
                    "auth.set_password", token=set_password_token(user), _external=True
                ),
            )
    return render_template("admin/user_form.html", form=form)


@bp.route("/users/<int:user_id>/active", methods=["POST"])
@password_confirmed(form_page="admin.users")
def toggle_active(user_id: int):
    """Deactivate or reactivate an account."""
    user = db.get_or_404(User, user_id)
    if user.id == current_user.id:
        flash(_("You cannot deactivate your own account."), "error")
    elif ConfirmForm().validate_on_submit():
        services.set_active(user, not user.active)
        if user.active:
            flash(_("%(name)s can sign in again.", name=user.name), "success")
        else:
            flash(_("%(name)s can no longer sign in.", name=user.name), "success")
    return redirect(url_for("admin.users"))
