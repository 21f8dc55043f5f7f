"""The quotation pages in a real headless Chromium, as a reader would use them: the list, one quotation with its
conflict and its changed word, then an occurrence followed to its article. Screenshots go beside the other
browser tests' (build/test-artifacts/serve/ or $NEWSGRAPH_TEST_ARTIFACTS)."""
from __future__ import annotations

import pytest

from .conftest import serving
from .quotation_fixture import WORDS, make_db
from .test_browser import ARGS, CHROMIUM, artifacts, sync_api  # noqa: F401  (artifacts is a fixture)

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="browser tests need Debian's Chromium at "
                                "/usr/bin/chromium (apt-get install -y chromium)")


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    with serving(make_db(tmp_path_factory.mktemp("quotations-web"))) as base, \
            sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base)
        # Only the server under test: a request to any other host fails instead of leaving the machine.
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                      else route.abort())
        opened = context.new_page()
        problems: list[str] = []
        opened.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        opened.on("console", lambda msg: problems.append(f"console {msg.type}: {msg.text}")
                  if msg.type == "error" else None)
        yield opened
        browser.close()
        assert problems == []  # no script error, no CSP violation


def test_from_the_list_to_a_conflict_a_changed_word_and_an_article(page, artifacts):  # noqa: F811
    page.goto("/")
    page.click("header nav a >> text=Quotations")
    page.wait_for_url("**/quotations")
    clusters = page.locator("ol.quotation-list a.cluster")
    assert clusters.count() == 2 and WORDS in clusters.first.inner_text()
    page.click("#only-conflicts")
    assert page.locator("ol.quotation-list a.cluster").count() == 1
    page.screenshot(path=str(artifacts / "quotations.png"), full_page=True)

    page.locator("ol.quotation-list a.cluster").first.click()
    page.wait_for_url("**/quotations/*")
    assert page.inner_text("h1.canonical").strip("“”") == WORDS
    assert "Rosa Delgado" in page.inner_text("#speaker") and "3 of 4" in page.inner_text("#speaker")
    assert "valley-news.example" in page.inner_text("#first-seen")
    sides = {side.locator("h3").inner_text().split(" ")[0]: side.locator("li").all_inner_texts()
             for side in page.locator("#conflict .side").all()}
    assert sides == {"Rosa": ["fire-1", "fire-2", "fire-3"], "Peter": ["fire-4"]}
    assert page.locator("#drift blockquote del").all_inner_texts() == ["time"]
    assert page.locator("#drift blockquote ins").all_inner_texts() == ["money"]
    assert page.locator("section.timeline svg.chart .bar").count() == 2  # June and July
    assert page.locator("#occurrences tbody tr").count() == 4 and page.locator("#occurrences tr.copy").count() == 0
    assert page.input_value("header input[name=q]") == ""
    page.screenshot(path=str(artifacts / "quotation.png"), full_page=True)

    link = page.locator("#occurrences a.occurrence", has_text="fire-4")
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url("**" + href)
    page.wait_for_selector("#article-text")
    start = int(href.split("#q")[1])
    shown = page.evaluate("""start => [...document.querySelectorAll(`#article-text [data-q="${start}"]`)]
                                .map(p => p.textContent).join('')""", start)
    assert shown == WORDS[:-1]  # the link lands on that occurrence's quote in the article
