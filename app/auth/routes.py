"""Sign in, sign out, and the one-time set-password page."""

from flask import (
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app.auth import bp, services, sessions
from app.auth.forms import ConfirmPasswordForm, LoginForm, SetPasswordForm
from app.extensions import limiter
from app.i18n.numbers import wait_time
from app.redirects import safe_next
from app.refusals import Refusal


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _failed_login(response) -> bool:
    # Only failures count towards the limit: a successful login redirects.
    return response.status_code != 302


#: Wrong passwords at signing in and at confirming count together.
_password_throttle = limiter.shared_limit(
    _login_limit, scope="password", methods=["POST"], deduct_when=_failed_login
)


@bp.route("/login", methods=["GET", "POST"])
@_password_throttle
def login():
    """Sign in with e-mail and password."""
    if current_user.is_authenticated:
        return redirect(url_for("engagements.index"))
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = services.authenticate(form.email.data, form.password.data)
        except Refusal as refusal:
            return _must_wait(refusal, "auth/login.html", form)
        if user is not None:
            sessions.begin(user)
            return redirect(safe_next(request.args.get("next")))
        # One message for unknown e-mail and wrong password alike.
        form.form_errors.append(_("The e-mail or the password is not right."))
    return render_template("auth/login.html", form=form)


@bp.route("/confirm-password", methods=["GET", "POST"])
@_password_throttle
@login_required
def confirm_password():
    """Type the password again before a change that needs it, then go on to
    the page that asked."""
    form = ConfirmPasswordForm()
    window = current_app.config["REAUTH_WINDOW"]
    minutes = int(window.total_seconds() // 60)
    if form.validate_on_submit():
        try:
            matches = services.password_matches(current_user, form.password.data)
        except Refusal as refusal:
            return _must_wait(
                refusal, "auth/confirm_password.html", form, minutes=minutes
            )
        if matches:
            sessions.confirm_password()
            return redirect(safe_next(request.args.get("next")))
        form.password.errors.append(_("This is not your password."))
    return render_template("auth/confirm_password.html", form=form, minutes=minutes)


def _must_wait(refusal: Refusal, template: str, form, **context):
    """The form again, refused (429) while the account's sign-in delay runs,
    saying how long it still lasts."""
    seconds = refusal.details["seconds"]
    form.form_errors.append(
        _(
            "Too many wrong passwords were typed for this account. Wait"
            " %(wait)s, then try again.",
            wait=wait_time(seconds),
        )
    )
    page = render_template(template, form=form, **context)
    return page, 429, {"Retry-After": str(seconds)}


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    """Sign out here and on every other device, keeping the user's language for
    the sign-in page that follows."""
    sessions.end(current_user)
    flash(_("You have signed out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/set-password/<token>", methods=["GET", "POST"])
def set_password(token: str):
    """Choose a password through a one-time link handed over by a consultant,
    and be signed in with it: the person came to start, not to sign in again."""
    user = services.user_for_set_password_token(token)
    if user is None:
        return render_template("auth/link_invalid.html"), 404
    form = SetPasswordForm()
    if form.validate_on_submit():
        services.change_password(user, form.password.data)
        sessions.begin(user)
        flash(_("Your password is set, and you are signed in."), "success")
        return redirect(url_for("engagements.index"))
    return render_template("auth/set_password.html", form=form, user=user)


bp.before_app_request(sessions.expire_stale_session)
