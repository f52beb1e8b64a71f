"""Command-line tasks; they call the same services as the views."""

from pathlib import Path

import click
from flask import Blueprint

from app import demo
from app.admin.services import create_user
from app.auth.forms import MIN_PASSWORD_LENGTH
from app.auth.services import change_password, email_taken
from app.jobs import queue as job_queue
from app.jobs import services as job_services
from app.models import SiteRole
from assessments.questionnaire import DEFINITIONS, InvalidDefinition, load_all

bp = Blueprint("cli", __name__, cli_group=None)


@bp.cli.group()
def users():
    """Manage user accounts."""


@users.command("create")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option(
    "--role",
    "site_role",
    type=click.Choice([role.value for role in SiteRole]),
    default=SiteRole.CONSULTANT.value,
    show_default=True,
)
@click.option("--language", type=click.Choice(["en", "tr"]), default="en")
@click.password_option(help="Asked for when not given.")
def create_user_command(email, name, site_role, language, password):
    """Create a user account."""
    if email_taken(email):
        raise click.ClickException(f"There is already an account for {email}.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise click.ClickException(
            f"The password must be at least {MIN_PASSWORD_LENGTH} characters long."
        )
    user = create_user(email, name, SiteRole(site_role), language)
    change_password(user, password)
    click.echo(f"Created {user.email} ({site_role}).")


@bp.cli.group()
def assessments():
    """Questionnaire definitions."""


@assessments.command("check")
@click.argument(
    "folder",
    required=False,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
def check_assessments(folder):
    """Validate questionnaire files (the shipped ones, or those in FOLDER)."""
    try:
        definitions = load_all(folder or DEFINITIONS)
    except InvalidDefinition as error:
        for fault in error.faults:
            click.echo(fault, err=True)
        raise click.ClickException(f"{len(error.faults)} faults found.") from error
    for definition in definitions.values():
        count = sum(1 for _ in definition.questions())
        click.echo(f"{definition.id}: {count} questions, version {definition.version}")


@bp.cli.group()
def jobs():
    """The worker that runs long work (analyses) off the web servers."""


@jobs.command("worker")
@click.option("--workers", default=2, show_default=True, help="Jobs run at once.")
def worker_command(workers):
    """Run jobs as they are queued, until Ctrl+C. Jobs a stopped worker of
    this machine left running are marked failed first."""
    abandoned = job_services.fail_abandoned()
    if abandoned:
        click.echo(f"{abandoned} job(s) left by a stopped worker marked failed.")
    click.echo(f"Worker running {workers} job(s) at once; Ctrl+C stops it.")
    job_queue.queue().create_consumer(workers=workers, worker_type="thread").run()


@bp.cli.command("demo")
def demo_command():
    """Load the demo engagement and its accounts (does nothing if loaded)."""
    try:
        loaded = demo.load_demo()
    except demo.DemoImportFailed as refused:
        message = f"The import refused a demo file: {refused}"
        raise click.ClickException(message) from refused
    if loaded:
        click.echo(f"Loaded the demo engagement: {demo.DEMO_COMPANY}")
        click.echo(f"The consultant's second client: {demo.SECOND_COMPANY}")
    else:
        click.echo("The demo engagement is already loaded.")
    click.echo(f"Demo sign-ins (password for all: {demo.DEMO_PASSWORD}):")
    for account in demo.DEMO_ACCOUNTS:
        role = account.role.value if account.role else account.site_role.value
        click.echo(f"  {account.email:<26} {role}")
