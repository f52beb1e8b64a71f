"""The browser enforces the Content-Security-Policy: a script that reached a
page as text (as an injection would) does not run. That the product's own
scripts still run, untouched by the policy, the other browser tests show:
their page fails on any refusal the console reports."""

from playwright.sync_api import Browser

from tests.e2e.conftest import csp_refusals


def test_an_injected_inline_script_does_not_run(browser: Browser, live_server: str):
    context = browser.new_context()
    page = context.new_page()
    refused = csp_refusals(page)
    page.goto(f"{live_server}/login")
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.append(script);
            const image = document.createElement("img");
            image.setAttribute("onerror", "window.handled = true");
            image.src = "/no-such-image.png";
            document.body.append(image);
        }"""
    )
    page.wait_for_timeout(300)
    assert page.evaluate("() => [window.injected, window.handled]") == [None, None]
    assert any("script-src 'self'" in text for text in refused), refused
    context.close()
