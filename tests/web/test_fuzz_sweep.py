"""The fuzz sweep: odd input never answers 5xx, and a refused request changes
nothing in the database.

Every rule of ``app.url_map`` is walked, GET and POST (with a valid CSRF
token), as the demo engagement's consultant, sponsor and team member. Each
rule gets Hypothesis-made requests: an id slot out of range or negative, a
hostile query string, or the rule's own form (found by crawling the demo's
pages) with hostile values in some of its fields: huge numbers, NUL and other
control characters, 10,000-character strings, right-to-left marks, malformed
JSON. A request that is refused (4xx, a form shown again with its errors, or a
redirect that flashes an error) must have committed no write (the limiter's
counters aside: counting a refusal is its job). New routes are swept without
being listed.

The suite runs ``FUZZ_EXAMPLES`` examples per rule and method (default 3, the
same ones each run); set it higher for a longer, random run, e.g.
``FUZZ_EXAMPLES=200 pytest tests/web/test_fuzz_sweep.py``.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import event
from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.routing import IntegerConverter, Rule

from app.demo import DEMO_PASSWORD
from app.extensions import db
from app.pdf import RenderedPdf, Renderer
from tests.web.test_pages import demo_arguments

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "3"))
#: the suite's run is the same each time; a longer one explores
DERANDOMIZE = "FUZZ_EXAMPLES" not in os.environ
ROLES = {
    "consultant": "consultant@example.com",
    "sponsor": "sponsor@example.com",
    "team": "team@example.com",
}
#: how many rules and methods the crawl finds a real path or form for, at
#: least (of 149: 128, 78 and 86 when written)
MOST_SEEDED = {"consultant": 110, "sponsor": 65, "team": 70}
#: Written by a refused request on purpose: the limiter counts refusals.
COUNTING_TABLES = {"rate_limit_counters"}
#: Rules swept last, so that what they remove is there for the others.
LAST = re.compile(r"delete|remove|withdraw|merge|logout|regenerate")
#: Query parameters the pages read, beside those found in the demo's links.
QUERY_NAMES = ["page", "q", "sort", "order", "compare", "with", "next", "format"]
#: Real values for string arguments the crawl may not reach.
STRING_ARGUMENTS = {
    "gate": "need",
    "question_id": "market_trends",
    "segment": "mvc",
    "kind": "summary",
    "token": "x",
}

# --- hostile values ----------------------------------------------------------

OUT_OF_RANGE_IDS = st.one_of(
    st.sampled_from([0, 2**31 - 1, 2**31, 2**63 - 1, 2**63, 2**64, 10**20]),
    st.integers(min_value=2**31),
    st.integers(max_value=-1),
)
HUGE_NUMBERS = st.one_of(
    st.integers(min_value=2**31).map(str),
    st.integers(max_value=-(2**31)).map(str),
    st.sampled_from(["99999999999999999999", "1e309", "-1e309", "nan", "inf", "-0"]),
)
CONTROLS = st.text(st.characters(categories=["Cc"]), min_size=1, max_size=4)
WITH_CONTROLS = st.tuples(st.text(max_size=8), CONTROLS, st.text(max_size=8)).map(
    "".join
)
LONG = st.characters(codec="utf-8").map(lambda c: c * 10_000)
RIGHT_TO_LEFT = st.tuples(
    st.sampled_from(["\u202e", "\u200f", "\u202b", "\u2067"]), st.text(max_size=12)
).map("".join)
MALFORMED_JSON = st.sampled_from(
    [
        "{",
        "[]",
        "[1, 2]",
        '"x"',
        "null",
        "7",
        '{"a": "b"}',
        '{"a": 1.5}',
        '{"a": [1]}',
        '{"a": {"b": 1}}',
        '{"a": 99999999999999999999999}',
        "{'a': 1}",
    ]
)
DATES = st.sampled_from(["0000-00-00", "9999-12-31", "2026-02-30", "10000-01-01"])
HOSTILE = st.one_of(
    HUGE_NUMBERS,
    WITH_CONTROLS,
    LONG,
    RIGHT_TO_LEFT,
    MALFORMED_JSON,
    DATES,
    st.text(st.characters(codec="utf-8"), max_size=20),
)
HOSTILE_FILE_NAMES = st.tuples(
    st.sampled_from(["\x00", "\r\n", "\n", "\x1b[31m", "\u202e"]), st.text(max_size=8)
).map(lambda parts: f"{parts[1]}{parts[0]}customers.csv")

# --- the demo's pages, crawled -----------------------------------------------


@dataclass
class Form:
    action: str
    method: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


class _Page(HTMLParser):
    """The links and forms of one page."""

    def __init__(self, path: str):
        super().__init__()
        self.path = path
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._select: str | None = None
        self._textarea: str | None = None
        self._chosen: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        form = self.forms[-1] if self.forms else None
        if tag == "a" and a.get("href", "").startswith("/"):
            self.links.append(a["href"])
        elif tag == "option":
            self._option(a)
        elif tag == "form":
            action = a.get("action") or self.path
            self.forms.append(Form(action, a.get("method", "get").upper()))
        elif form is None or not a.get("name"):
            return
        elif tag == "input":
            self._input(form, a)
        elif tag == "select":
            self._select = a["name"]
        elif tag == "textarea":
            self._textarea = a["name"]
            form.fields.append((a["name"], ""))
        elif tag == "button" and a.get("type", "submit") == "submit":
            form.fields.append((a["name"], a.get("value", "")))

    def _input(self, form: Form, a: dict) -> None:
        kind = a.get("type", "text")
        if kind == "file":
            form.files.append(a["name"])
        elif kind in ("checkbox", "radio"):
            if a["name"] not in self._chosen:
                self._chosen.add(a["name"])
                form.fields.append((a["name"], a.get("value", "on")))
        elif kind != "submit":
            form.fields.append((a["name"], a.get("value", "")))

    def _option(self, a: dict) -> None:
        if self._select and self._select not in self._chosen:
            self._chosen.add(self._select)
            self.forms[-1].fields.append((self._select, a.get("value", "")))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self._textarea and self.forms:
            name, text = self.forms[-1].fields[-1]
            self.forms[-1].fields[-1] = (name, text + data)

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


@dataclass
class Seeds:
    """What the crawl found: a real path per rule and method, the form that
    posts to it, and the query parameter names the links use."""

    paths: dict[tuple[str, str], str] = field(default_factory=dict)
    forms: dict[tuple[str, str], Form] = field(default_factory=dict)
    query_names: set[str] = field(default_factory=set)


def _match(app: Flask, url: str, method: str) -> tuple[Rule, str] | None:
    parts = urlsplit(url)
    adapter = app.url_map.bind("crm.test")
    try:
        rule, _args = adapter.match(parts.path, method=method, return_rule=True)
    except (NotFound, MethodNotAllowed):
        return None
    return (rule, parts.path) if rule.endpoint != "static" else None


def crawl(app: Flask, client: FlaskClient, start: list[str]) -> Seeds:
    """Visit one page per GET rule, breadth first from ``start``, and note
    every link and form on the way."""
    seeds, queue, seen_rules = Seeds(), list(start), set()
    while queue:
        found = _match(app, queue.pop(0), "GET")
        if found is None or found[0].rule in seen_rules:
            continue
        rule, path = found
        seen_rules.add(rule.rule)
        response = client.get(path)
        seeds.paths.setdefault((rule.rule, "GET"), path)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        page = _Page(path)
        page.feed(response.text)
        for link in page.links:
            seeds.query_names |= {
                pair.split("=")[0] for pair in urlsplit(link).query.split("&") if pair
            }
            queue.append(link)
        for form in page.forms:
            posted = _match(app, form.action, form.method)
            if posted is not None:
                seeds.paths.setdefault((posted[0].rule, form.method), posted[1])
                seeds.forms.setdefault((posted[0].rule, form.method), form)
    return seeds


# --- the database's writes ---------------------------------------------------

_WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)', re.I)


class Writes:
    """The tables that committed writes touched, watched on the engine, so
    that any write (ORM or Core, any table) is seen whatever issued it."""

    def __init__(self, engine):
        self.engine = engine
        self.committed: list[str] = []
        self._pending: dict[int, list[str]] = {}
        event.listen(engine, "before_cursor_execute", self._statement)
        event.listen(engine, "commit", self._commit)
        event.listen(engine, "rollback", self._rollback)

    def close(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._statement)
        event.remove(self.engine, "commit", self._commit)
        event.remove(self.engine, "rollback", self._rollback)

    def _statement(self, connection, _cursor, statement, *_args):
        match = _WRITE.match(statement)
        if match and match.group(1).lower() not in COUNTING_TABLES:
            self._pending.setdefault(id(connection), []).append(match.group(1))

    def _commit(self, connection):
        self.committed += self._pending.pop(id(connection), [])

    def _rollback(self, connection):
        self._pending.pop(id(connection), None)

    def take(self) -> list[str]:
        committed, self.committed = self.committed, []
        return committed


# --- one request -------------------------------------------------------------


@dataclass
class Attempt:
    method: str
    path: str
    query: dict
    form: dict | None

    def __str__(self) -> str:
        query = _shortened(self.query)
        target = f"{self.path}?{urlencode(query)}" if query else self.path
        return f"{self.method} {target} {_shortened(self.form or {})!r}"


def _shortened(values: dict) -> dict:
    return {k: (v[:60] if isinstance(v, str) else v) for k, v in values.items()}


class Sweeper:
    """Sends attempts as one signed-in user, and checks each answer."""

    def __init__(self, app: Flask, client: FlaskClient, email: str):
        self.app, self.client, self.email = app, client, email
        self.addresses = 0
        self.token = ""
        self.sign_in()
        with app.app_context():
            self.writes = Writes(db.engine)

    def sign_in(self) -> None:
        # a fresh address each time: the sweep's wrong passwords count per address
        self.addresses += 1
        self.client.environ_base["REMOTE_ADDR"] = f"10.9.{self.addresses}.1"
        login = self.client.get("/login")
        self.client.post(
            "/login",
            data={
                "email": self.email,
                "password": DEMO_PASSWORD,
                "csrf_token": _token_in(login.text),
            },
        )
        self.token = _token_in(self.client.get("/account/").text)
        assert self.token, f"{self.email} could not sign in"

    def send(self, attempt: Attempt) -> str | None:
        """Send the attempt; what went wrong, or None."""
        form = dict(attempt.form or {})
        if attempt.method == "POST":
            # this session's token, in every form's (prefixed) token field
            tokens = [n for n in form if _is_token(n)] or ["csrf_token"]
            form.update(dict.fromkeys(tokens, self.token))
        try:
            response = self.client.open(
                attempt.path,
                method=attempt.method,
                query_string=attempt.query,
                data=form if attempt.method == "POST" else None,
            )
        except Exception as error:  # noqa: BLE001 - the sweep reports any crash
            return f"{type(error).__name__}: {str(error)[:200]} on {attempt}"
        if response.status_code >= 500:
            return f"{response.status_code} on {attempt}"
        writes = self.writes.take()
        if self._refused(response) and writes:
            return f"refused ({response.status_code}) but wrote {writes} on {attempt}"
        if "/login" in response.headers.get("Location", ""):
            self.sign_in()
            self.writes.take()  # signing in writes, and is no part of the attempt
        return None

    def _refused(self, response) -> bool:
        # the flashes of this request only: a redirect is never followed
        with self.client.session_transaction() as session:
            flashes = session.pop("_flashes", [])
        if response.status_code >= 400:
            return True
        if response.status_code == 200 and response.mimetype == "text/html":
            return 'class="error-summary"' in response.text or (
                'class="field-error"' in response.text
            )
        return any(category == "error" for category, _message in flashes)


def _is_token(name: str) -> bool:
    return name == "csrf_token" or name.endswith("-csrf_token")


def _token_in(page: str) -> str:
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    return match.group(1) if match else ""


# --- the attempts of one rule ------------------------------------------------


def _id_slots(rule: Rule) -> list[str]:
    return [n for n, c in rule._converters.items() if isinstance(c, IntegerConverter)]


def _with_ids(app: Flask, rule: Rule, path: str, replaced: dict) -> str:
    """The rule's path with some of its arguments replaced."""
    _rule, values = app.url_map.bind("crm.test").match(
        path, method=next(iter(rule.methods - {"HEAD", "OPTIONS"})), return_rule=True
    )
    return rule.build({**values, **replaced}, append_unknown=False)[1]


@st.composite
def attempts(draw, app: Flask, rule: Rule, method: str, seeds: Seeds, base: str):
    """One hostile request to the rule: a broken id, a hostile query, or its
    form with hostile values."""
    modes = ["query"] + (["id"] if _id_slots(rule) else [])
    form = seeds.forms.get((rule.rule, method))
    if method == "POST":
        modes += ["form", "form"]
    mode = draw(st.sampled_from(modes))
    if mode == "id":
        slot = draw(st.sampled_from(_id_slots(rule)))
        path = _with_ids(app, rule, base, {slot: draw(OUT_OF_RANGE_IDS)})
        return Attempt(method, path, {}, dict(form.fields) if form else {})
    names = st.sampled_from(sorted({*QUERY_NAMES, *seeds.query_names}))
    query = (
        draw(st.dictionaries(names | st.text(max_size=5), HOSTILE, min_size=1))
        if mode == "query"
        else {}
    )
    posted = dict(form.fields) if form else {}
    if mode == "form":
        posted = _hostile_form(draw, form, posted)
    return Attempt(method, base, query, posted if method == "POST" else None)


def _hostile_form(draw, form: Form | None, posted: dict) -> dict:
    names = [n for n in posted if not _is_token(n)]
    if names:
        chosen = draw(st.lists(st.sampled_from(names), min_size=1, unique=True))
        for name in chosen:
            posted[name] = draw(HOSTILE)
    else:
        posted.update(draw(st.dictionaries(st.text(max_size=8), HOSTILE, min_size=1)))
    for name in form.files if form else []:
        csv = b"account_number,name\nF-1,Fuzz\n"
        posted[name] = (io.BytesIO(csv), draw(HOSTILE_FILE_NAMES))
    return posted


def _fallback_path(rule: Rule, demo: dict) -> str:
    blueprint = rule.endpoint.split(".")[0]
    arguments = demo | STRING_ARGUMENTS | demo["blueprints"].get(blueprint, {})
    values = {name: arguments.get(name) or 1 for name in rule.arguments}
    return rule.build(values, append_unknown=False)[1]


def _sweep_order(app: Flask) -> list[tuple[Rule, str]]:
    pairs = [
        (rule, method)
        for rule in app.url_map.iter_rules()
        if rule.endpoint != "static"
        for method in sorted(rule.methods & {"GET", "POST"})
    ]
    return sorted(
        pairs, key=lambda p: (p[1] == "POST", bool(LAST.search(p[0].endpoint)))
    )


@dataclass
class Report:
    #: rules and methods swept, those whose real path or form the crawl found
    swept: int = 0
    seeded: int = 0
    failures: list[str] = field(default_factory=list)


def sweep(app: Flask, client: FlaskClient, email: str) -> Report:
    """Walk every rule as ``email``."""
    demo = demo_arguments(app)
    sweeper = Sweeper(app, client, email)
    start = [_fallback_path(r, demo) for r, m in _sweep_order(app) if m == "GET"]
    seeds = crawl(app, client, ["/", *start])
    sweeper.writes.take()
    report = Report()
    try:
        for rule, method in _sweep_order(app):
            found = seeds.paths.get((rule.rule, method))
            report.swept += 1
            report.seeded += found is not None
            base = found or _fallback_path(rule, demo)
            problem = _examples(app, sweeper, rule, method, seeds, base)
            if problem:
                report.failures.append(f"{rule.endpoint}: {problem}")
    finally:
        sweeper.writes.close()
    return report


def _examples(app, sweeper, rule, method, seeds, base) -> str | None:
    """Run the rule's examples; the first problem found, or None."""

    @settings(
        max_examples=EXAMPLES,
        derandomize=DERANDOMIZE,
        database=None,
        deadline=None,
        # no shrinking: each step is a request to an app whose state moves on
        phases=[Phase.explicit, Phase.reuse, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(attempts(app, rule, method, seeds, base))
    def example(attempt):
        problem = sweeper.send(attempt)
        assert problem is None, problem

    try:
        example()
    except Exception as error:  # noqa: BLE001 - Hypothesis may group them
        while isinstance(error, BaseExceptionGroup):
            error = error.exceptions[0]
        return str(error).splitlines()[0]
    return None


@pytest.fixture
def app_config(tmp_path) -> dict:
    return {"WTF_CSRF_ENABLED": True, "IMPORT_FOLDER": str(tmp_path / "imports")}


@pytest.fixture
def quick_layout(monkeypatch):
    """Reports are built (their data read, their HTML rendered) but not laid
    out: a layout takes seconds, has nothing of the request to trip on, and
    is the business of tests/web/test_reports.py."""
    monkeypatch.setattr(Renderer, "page_counts", lambda _self, parts: [1] * len(parts))
    monkeypatch.setattr(
        Renderer, "pdf", lambda _self, parts: RenderedPdf(b"%PDF-1.7\n%%EOF", 1)
    )


@pytest.mark.parametrize("role", ROLES)
def test_no_rule_answers_5xx_and_a_refusal_changes_nothing(
    app, client, runner, quick_layout, role
):
    runner.invoke(args=["demo"])
    report = sweep(app, client, ROLES[role])
    assert not report.failures, "\n".join(report.failures)
    assert report.swept > 140
    # most rules are reached with real ids and forms, not only refused at once
    assert report.seeded > MOST_SEEDED[role], report.seeded
