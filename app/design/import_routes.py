"""Pages of the customer-data import: upload, mapping, plan, commit; and the
customer export."""

from __future__ import annotations

from flask import abort, current_app, flash, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from app.design import bp, exports, import_jobs
from app.design import import_service as service
from app.design.import_counts import count_texts
from app.design.import_file import (
    FileRejected,
    Reason,
    describe,
    human_size,
)
from app.design.import_forms import (
    SETTINGS,
    ConfirmImportForm,
    MappingForm,
    UploadForm,
    described,
    known_kind,
    mapping_form,
)
from app.jobs import follow
from app.jobs import services as jobs
from app.models import ImportRun, Job, Membership
from app.request_size import accepts_upload
from app.tenancy import engagement_view, owned_or_404, redirect_to
from assessments.jobs import JobKind, JobStatus
from assessments.roles import Action


def _limits():
    return service.limits(current_app)


@bp.route("/import", methods=["GET", "POST"])
@accepts_upload("IMPORT_MAX_BYTES")
@engagement_view(Action.MANAGE_CUSTOMER_DATA)
def import_file(membership: Membership):
    """Upload a CSV or XLSX file of customers, sales, complaints or interactions.
    A body far beyond IMPORT_MAX_BYTES gets the 413 page before it is read; a
    file just over it is refused here as it is stored."""
    limit = current_app.config["IMPORT_MAX_BYTES"]
    form = UploadForm()
    if form.validate_on_submit():
        try:
            upload = service.store_upload(
                import_jobs.upload_folder(),
                membership.engagement_id,
                form.file.data.stream,
                form.file.data.filename or "",
                limit,
                current_app.config["IMPORT_KEEP_SECONDS"],
            )
        except FileRejected as rejected:
            form.file.errors.append(describe(rejected.problem, form.file.data.filename))
            too_big = rejected.problem.reason == Reason.TOO_BIG
            return _upload_page(membership, form), 413 if too_big else 400
        try:
            service.inspect(upload, form.chosen_kind, form.settings(), _limits())
        except FileRejected as rejected:
            service.discard_upload(upload)
            form.file.errors.append(describe(rejected.problem, upload.filename))
            return _upload_page(membership, form), 400
        return redirect_to(
            "design.import_mapping",
            membership,
            token=upload.token,
            kind=form.kind.data,
            **{name: form[name].data for name in SETTINGS},
        )
    status = 400 if request.method == "POST" else 200
    return _upload_page(membership, form), status


def _upload_page(membership: Membership, form: UploadForm):
    return render_template(
        "design/import_upload.html",
        engagement=membership.engagement,
        form=form,
        max_size=human_size(current_app.config["IMPORT_MAX_BYTES"]),
        max_rows=current_app.config["IMPORT_MAX_ROWS"],
    )


def _upload_or_none(membership: Membership, token: str):
    upload = service.open_upload(
        import_jobs.upload_folder(), membership.engagement_id, token
    )
    if upload is None:
        flash(
            _(
                "That upload is no longer here: files are kept for a day, and "
                "only in the engagement they were uploaded to. Upload it again."
            ),
            "error",
        )
    return upload


@bp.route("/import/<token>")
@engagement_view(Action.MANAGE_CUSTOMER_DATA)
def import_mapping(membership: Membership, token: str):
    """The file's first rows, the detected settings and a column for each field."""
    upload = _upload_or_none(membership, token)
    if upload is None:
        return redirect_to("design.import_file", membership)
    args = request.args
    kind = known_kind(args.get("kind"))
    data = _settings_data(args)
    settings_form = mapping_form(kind, [], formdata=None, data=data)
    try:
        inspection = service.inspect(upload, kind, settings_form.settings(), _limits())
    except FileRejected as rejected:
        # Keep the file: another encoding or delimiter may read it.
        return _mapping_page(
            membership,
            upload,
            settings_form,
            None,
            error=describe(rejected.problem, upload.filename),
            status=422,
        )
    for field in settings_form.mapping_fields():
        name = field.name.removeprefix("map_")
        chosen = args.get(field.name)
        if chosen is None or (chosen and chosen not in inspection.headers):
            chosen = inspection.guessed.get(name, "")
        data[field.name] = chosen
    form = mapping_form(kind, inspection.headers, formdata=None, data=data)
    return _mapping_page(membership, upload, form, inspection)


def _settings_data(args) -> dict:
    """The kind and settings from a request, unknown values replaced."""
    probe = mapping_form(known_kind(args.get("kind")), [], formdata=None)
    data = {"kind": probe.kind.data if args.get("kind") is None else args["kind"]}
    data["kind"] = known_kind(data["kind"]).value
    for name in SETTINGS:
        allowed = {choice.value for choice in probe[name].choices}
        value = args.get(name, "detect")
        data[name] = value if value in allowed else "detect"
    return data


def _mapping_page(
    membership, upload, form: MappingForm, inspection, error=None, status=200
):
    if inspection is not None:
        form.detected(
            {
                "encoding": inspection.encoding,
                "delimiter": inspection.delimiter,
                "decimal": inspection.decimal,
                "date_format": inspection.date_format,
            }
        )
        form.note_decision_makers()
    return (
        render_template(
            "design/import_mapping.html",
            engagement=membership.engagement,
            upload=upload,
            form=form,
            inspection=inspection,
            error=error,
        ),
        status,
    )


def _posted_form(membership: Membership, upload):
    """The posted mapping form, built for the file's headers; with the file's
    inspection, or a FileRejected."""
    kind = known_kind(request.form.get("kind"))
    probe = mapping_form(kind, [], formdata=None, data=_settings_data(request.form))
    inspection = service.inspect(upload, kind, probe.settings(), _limits())
    return mapping_form(kind, inspection.headers), inspection


@bp.route("/import/<token>/plan", methods=["POST"])
@engagement_view(Action.MANAGE_CUSTOMER_DATA)
def import_plan(membership: Membership, token: str):
    """Check every row in the background; the job's page then shows what the
    import would create, update or skip."""
    return _started(membership, token, JobKind.IMPORT_CHECK)


@bp.route("/import/<token>/commit", methods=["POST"])
@engagement_view(Action.MANAGE_CUSTOMER_DATA)
def import_commit(membership: Membership, token: str):
    """Import the file in the background, in one transaction. An upload is
    imported once: pressing Import again leads to the import already made."""
    done = jobs.started(membership.engagement_id, import_jobs.commit_key(token))
    if done is not None:
        return follow(done)
    return _started(membership, token, JobKind.IMPORT_COMMIT)


def _started(membership: Membership, token: str, kind: JobKind):
    upload = _upload_or_none(membership, token)
    if upload is None:
        return redirect_to("design.import_file", membership)
    try:
        form, inspection = _posted_form(membership, upload)
    except FileRejected as rejected:
        form = mapping_form(
            known_kind(request.form.get("kind")),
            [],
            formdata=None,
            data=_settings_data(request.form),
        )
        error = describe(rejected.problem, upload.filename)
        return _mapping_page(membership, upload, form, None, error, status=422)
    if not form.validate_on_submit():
        return _mapping_page(membership, upload, form, inspection, status=400)
    committing = kind == JobKind.IMPORT_COMMIT
    job = jobs.start(
        membership.engagement,
        kind,
        current_user,
        import_jobs.parameters(token, form.import_request(), form.selections()),
        key=import_jobs.commit_key(token) if committing else None,
        once=committing,
    )
    return follow(job)


@bp.route("/import/checks/<int:job_id>")
@engagement_view(Action.MANAGE_CUSTOMER_DATA)
def import_checked(membership: Membership, job_id: int):
    """What importing the file would do, as its check found it."""
    job = owned_or_404(Job, job_id, membership.engagement_id)
    if job.kind != JobKind.IMPORT_CHECK:
        abort(404)
    if job.status != JobStatus.DONE:
        return redirect_to("jobs.show", membership, job_id=job.id)
    upload = _upload_or_none(membership, job.parameters["token"])
    if upload is None:
        return redirect_to("design.import_file", membership)
    plan = service.Plan.from_summary(job.outcome)
    return render_template(
        "design/import_plan.html",
        engagement=membership.engagement,
        upload=upload,
        selections=job.parameters["selections"],
        confirm=ConfirmImportForm(formdata=None),
        plan=plan,
        counts=count_texts(plan.counts, planned=True),
        messages=[describe(problem, upload.filename) for problem in plan.problems],
        settings_text=described,
        action_text=_action_text,
    ), (200 if plan.ok else 422)


@bp.route("/import/runs/<int:run_id>")
@engagement_view(Action.MANAGE_CUSTOMER_DATA)
def imported(membership: Membership, run_id: int):
    """Where a finished import leads: the customers, with what it did."""
    run = owned_or_404(ImportRun, run_id, membership.engagement_id)
    flash(_imported_message(run.filename, run.counts), "success")
    return redirect_to("design.customers", membership)


def _action_text(action: str) -> str:
    return {
        "create": _("create"),
        "update": _("update"),
        "unchanged": _("unchanged"),
        "skip": _("skip: already there"),
    }.get(action, "")


def _imported_message(filename: str, counts: dict[str, int]) -> str:
    return _(
        "Imported %(file)s: %(counts)s.",
        file=filename,
        counts=", ".join(count_texts(counts)),
    )


@bp.route("/customers/export")
@engagement_view()
def export_customers(membership: Membership):
    """Every customer of the engagement as CSV or XLSX, safe to open in Excel;
    a CSV in the dialect asked for, else the one of the reader's language."""
    chosen = request.args.get("format", "csv")
    if chosen not in exports.FORMATS:
        chosen = "csv"
    dialect = request.args.get("dialect")
    if dialect not in exports.CSV_DIALECTS:
        dialect = None
    return exports.customers_download(membership.engagement, chosen, dialect)
