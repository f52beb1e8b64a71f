"""The account page: language and password."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app.account import bp, services
from app.account.forms import ChangePasswordForm, LanguageForm, QuickLanguageForm
from app.auth import sessions
from app.auth.services import change_password
from app.redirects import safe_next


@bp.route("/", methods=["GET", "POST"])
@login_required
def settings():
    """Show and save the user's language."""
    language_form = LanguageForm(language=current_user.language)
    if language_form.validate_on_submit():
        services.set_language(current_user, language_form.language.data)
        flash(_("Language saved."), "success")
        return redirect(url_for("account.settings"))
    return render_template(
        "account/settings.html",
        language_form=language_form,
        password_form=ChangePasswordForm(),
    )


@bp.route("/password", methods=["POST"])
@login_required
def password():
    """Change the password, after checking the current one."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        if current_user.check_password(form.current_password.data):
            change_password(current_user, form.password.data)
            sessions.renew()
            flash(_("Your password has been changed."), "success")
            return redirect(url_for("account.settings"))
        form.current_password.errors.append(_("This is not your current password."))
    language_form = LanguageForm(language=current_user.language)
    return render_template(
        "account/settings.html", language_form=language_form, password_form=form
    )


@bp.route("/language", methods=["POST"])
def switch_language():
    """Switch the language from the page header, signed in or not."""
    form = QuickLanguageForm()
    if form.validate_on_submit():
        user = current_user if current_user.is_authenticated else None
        services.set_language(user, form.language.data)
    return redirect(safe_next(form.next.data))
