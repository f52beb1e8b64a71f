"""The report archive: every report is kept exactly as it was issued (who,
when, language, checksum), so a sponsor sees what was handed out and anyone can
download it again or issue a fresh one."""

from __future__ import annotations

import hashlib

from flask import Response
from flask_babel import to_user_timezone
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app import activity
from app.extensions import db
from app.i18n.locale import today_of
from app.models import Engagement, IssuedReport, User
from app.pdf import RenderedPdf, pdf_download, render_pdf
from app.reports import catalog
from app.url_values import paginate
from assessments.oversight import ActivityKind, ReportKind


def issue(
    engagement: Engagement, kind: ReportKind, user: User, language: str | None = None
) -> IssuedReport:
    """Build the report now, keep it, and note it in the activity feed. It is
    written in ``language`` when the person issuing it asks for one (a sponsor
    who reads English), else in the engagement's report language. Not the
    pack: it takes longer, and is built by its job (``pack_jobs``)."""
    language = language or engagement.report_language
    source = catalog.source(kind, engagement, today_of(engagement), language)
    rendered = render_pdf(source)
    return keep(engagement, kind, user, language, rendered)


def keep(
    engagement: Engagement,
    kind: ReportKind,
    user: User,
    language: str,
    rendered: RenderedPdf,
) -> IssuedReport:
    """Keep a report built already (by the pack's job, which says where it
    stands between building and keeping) and note it in the activity feed."""
    row = IssuedReport(
        engagement_id=engagement.id,
        kind=kind,
        language=language,
        issued_by_id=user.id,
        checksum=hashlib.sha256(rendered.data).hexdigest(),
        size=len(rendered.data),
        pages=rendered.pages,
        pdf=rendered.data,
    )
    db.session.add(row)
    activity.record(engagement.id, user.id, ActivityKind.REPORT_ISSUED, kind.value)
    db.session.commit()
    return row


def download(row: IssuedReport) -> Response:
    """The kept PDF as a download named after the client, the report and the
    day it was issued where the client works."""
    client = db.session.get(Engagement, row.engagement_id).name
    issued_on = to_user_timezone(row.issued_at).date()
    return pdf_download(row.pdf, client, catalog.file_name(row.kind), f"{issued_on}")


def issued(engagement_id: int, page: int, per_page: int) -> Pagination:
    """The engagement's issued reports, newest first, without their PDFs."""
    query = (
        select(IssuedReport)
        .options(selectinload(IssuedReport.issued_by))
        .where(IssuedReport.engagement_id == engagement_id)
        .order_by(IssuedReport.issued_at.desc(), IssuedReport.id.desc())
    )
    return paginate(query, page, per_page)
