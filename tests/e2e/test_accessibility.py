"""The accessibility sweep: every page a signed-in consultant, sponsor and team
member can reach on the demo, in English and in Turkish, checked by axe-core
(the engine behind Lighthouse) against WCAG 2.2 A and AA and axe's best
practices. A new page is swept as soon as a link leads to it.

The crawl starts on the demo engagement's dashboard and follows same-origin
links breadth first. It never signs out (that is a form), never follows a
download (a PDF, a CSV or Excel export) and submits no form but the language
switch, so it changes nothing but the member's language. Pages are grouped by
the URL rule that serves them and the names of their query's parameters (the
343 customers are one pattern, the customer list filtered by group another);
one page of each pattern is checked, at most PAGES_PER_RULE of each rule, which
keeps the sweep inside the suite's time budget.

axe-core comes inside axe-playwright-python (its axe.min.js, MPL-2.0), so the
sweep needs no network; Playwright evaluates it over the DevTools protocol, out
of reach of the pages' Content-Security-Policy, which stays as strict as served.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urldefrag, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page
from sqlalchemy import select
from werkzeug.exceptions import HTTPException
from werkzeug.routing import MapAdapter

from app.demo import DEMO_ACCOUNTS, DEMO_COMPANY, DEMO_PASSWORD, load_demo
from app.extensions import db
from app.models import Engagement
from tests.e2e.conftest import csp_refusals, migrated_app, serve

pytestmark = pytest.mark.e2e

#: The demo's members, one of each role (the administrator has no engagement).
MEMBERS = [account.email for account in DEMO_ACCOUNTS if account.role is not None]
LANGUAGES = ["en", "tr"]

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": [
            "wcag2a",
            "wcag2aa",
            "wcag21a",
            "wcag21aa",
            "wcag22a",
            "wcag22aa",
            "best-practice",
        ],
    },
    "resultTypes": ["violations"],
}

#: Pages checked per URL rule, whatever their query: a list filtered two ways
#: shows the same template a third filter would.
PAGES_PER_RULE = 3

#: A phone held upright: wide tables scroll there, so axe checks that each
#: scrolling box can be reached and scrolled from the keyboard.
PHONE = {"width": 390, "height": 844}

#: Links the crawl leaves alone: downloads, and the signed-out pages.
NOT_FOLLOWED = re.compile(r"/export|\.(pdf|csv|xlsx)$|^/(login|set-password)")


@dataclass
class Sweep:
    """What one crawl saw: the pages checked and everything wrong on them."""

    pages: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Demo:
    """The served demo: its engagement's dashboard, and the app's URL rules."""

    dashboard: str
    rules: MapAdapter


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Iterator[Demo]:
    """The demo, as `make run` loads it, on a server of its own (the other
    browser tests create accounts the demo's would collide with)."""
    app = migrated_app(tmp_path_factory.mktemp("a11y") / "demo.sqlite")
    with app.app_context():
        load_demo()
        engagement_id = db.session.scalar(
            select(Engagement.id).where(Engagement.name == DEMO_COMPANY)
        )
    with serve(app) as base:
        yield Demo(f"{base}/engagements/{engagement_id}", app.url_map.bind(""))


@dataclass
class Member:
    """A member's signed-in page, and what its Content-Security-Policy refused."""

    page: Page
    refused: list[str]


@pytest.fixture(scope="module")
def signed_in(browser: Browser, demo: Demo) -> Iterator[Callable[[str], Member]]:
    """A signed-in page per member, opened once and shared by both languages."""
    members: dict[str, Member] = {}

    def member(email: str) -> Member:
        if email not in members:
            context = browser.new_context(viewport=PHONE)
            page = context.new_page()
            page.set_default_timeout(10_000)
            members[email] = Member(page, csp_refusals(page))
            page.goto(demo.dashboard)
            page.get_by_label("E-mail").fill(email)
            page.get_by_label("Password").fill(DEMO_PASSWORD)
            page.keyboard.press("Enter")
            page.wait_for_url(lambda url: "/login" not in url)
        return members[email]

    yield member
    for each in members.values():
        each.page.context.close()


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("email", MEMBERS)
def test_every_page_a_member_reaches_passes_axe(
    signed_in, demo: Demo, axe: Axe, email: str, language: str
):
    member = signed_in(email)
    speak(member.page, language)
    sweep = crawl(member.page, demo, axe)
    print(f"{email} in {language}: {len(sweep.pages)} pages", *sweep.pages, sep="\n  ")
    assert len(sweep.pages) >= 15, sweep.pages  # the crawl got past the dashboard
    assert not sweep.problems, "\n".join(
        [f"{len(sweep.problems)} problems on {len(sweep.pages)} pages:"]
        + sweep.problems
    )
    assert not member.refused, f"the Content-Security-Policy refused: {member.refused}"


def speak(page: Page, language: str) -> None:
    """Switch the member's language with the switch every page carries."""
    switch = page.locator(f".language-switch button[value='{language}']")
    if switch.count():
        switch.click()
    assert page.locator("html").get_attribute("lang") == language


def crawl(page: Page, demo: Demo, axe: Axe) -> Sweep:
    """Check the dashboard and every page its links lead to, breadth first,
    one page of each pattern."""
    sweep = Sweep()
    origin = urlsplit(demo.dashboard).netloc
    queue = deque([demo.dashboard])
    patterns = {pattern(demo.dashboard, demo.rules)}
    rules = Counter(key for key, _ in patterns)
    while queue:
        url = queue.popleft()
        sweep.problems += audit(page, url, axe)
        sweep.pages.append(urlsplit(url)._replace(scheme="", netloc="").geturl())
        for link in links(page):
            if not followed(link, origin):
                continue
            key = pattern(link, demo.rules)
            if key in patterns or rules[key[0]] >= PAGES_PER_RULE:
                continue
            patterns.add(key)
            rules[key[0]] += 1
            queue.append(link)
    return sweep


def audit(page: Page, url: str, axe: Axe) -> list[str]:
    """Open the page and describe each of axe's violations on it, one line per
    element: the rule, the page and the element."""
    path = urlsplit(url)._replace(scheme="", netloc="").geturl()
    response = page.goto(url)
    if response is None or response.status != 200:
        return [f"{path} answered {response and response.status}"]
    results = axe.run(page, options=AXE_OPTIONS).response
    return [
        f"{violation['id']} on {path}: {' '.join(map(str, node['target']))}"
        for violation in results["violations"]
        for node in violation["nodes"]
    ]


def links(page: Page) -> list[str]:
    """The page's links, absolute and without their fragment; the ones marked
    as downloads left out."""
    hrefs = page.eval_on_selector_all(
        "a[href]:not([download])", "links => links.map(link => link.href)"
    )
    return [urldefrag(href).url for href in hrefs]


def followed(url: str, origin: str) -> bool:
    parts = urlsplit(url)
    return (
        parts.scheme in ("http", "https")
        and parts.netloc == origin
        and not NOT_FOLLOWED.search(parts.path)
    )


def pattern(url: str, rules: MapAdapter) -> tuple[str, frozenset[str]]:
    """The page's kind: the URL rule that serves it, and the names (not the
    values) of its query's parameters."""
    parts = urlsplit(url)
    try:
        rule, _ = rules.match(parts.path, method="GET", return_rule=True)
    except HTTPException:  # a broken link: audit() reports its status
        return parts.path, frozenset()
    return rule.rule, frozenset(name for name, _ in parse_qsl(parts.query))
