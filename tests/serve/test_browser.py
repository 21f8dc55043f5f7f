"""The web reader in a real headless Chromium (Debian's, driven by Playwright), as a reader would use it: search,
open an article, see the quote highlighted where it is, open the speaker's page, follow a quote back, read the
chart. Screenshots go to build/test-artifacts/serve/ (or $NEWSGRAPH_TEST_ARTIFACTS) for people to look at."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import HOSTILE

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="browser tests need Debian's Chromium at /usr/bin/chromium "
                                       "(apt-get install -y chromium)")
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright (the test extra)")


@pytest.fixture(scope="module")
def artifacts() -> Path:
    default = Path(__file__).resolve().parents[2] / "build" / "test-artifacts" / "serve"
    folder = Path(os.environ.get("NEWSGRAPH_TEST_ARTIFACTS", default))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server)
    # Only the server under test: any request to another host fails the test instead of leaving the machine.
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server)
                  else route.abort())
    opened = context.new_page()
    problems: list[str] = []
    opened.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    opened.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    opened.on("console", lambda msg: problems.append(f"console {msg.type}: {msg.text}") if msg.type == "error"
              else None)
    yield opened
    context.close()
    assert problems == []  # no script error, no CSP violation, no alert from stored text


def test_search_then_audit_an_article_then_the_speaker(page, artifacts):
    page.goto("/")
    page.fill("main input[name=q]", "dock workers")
    page.click("main button[type=submit]")
    assert "match" in page.inner_text("#result-count")
    assert page.locator(".snippet mark").count() > 0  # matched words highlighted in the snippets
    assert page.locator("svg.chart").count() == 1  # the date histogram facet
    page.screenshot(path=str(artifacts / "search.png"), full_page=True)

    page.click("a.title >> text=Dock workers in Port Alder walk out over pay")
    page.wait_for_url("**/articles/**")
    page.wait_for_selector("#article-text")
    words = "We have waited two years for a fair offer and we will not wait any longer"
    item = page.locator("#panel .quote-list li", has_text="Marta Kowalczyk").first
    start = int(item.locator("a[href^='#q']").get_attribute("href")[2:])
    assert _quote_at(page, start) == (start, words)  # highlighted exactly where the stored text has it
    quote = page.locator(f"#article-text [data-q='{start}']").first
    colour = [c for c in quote.get_attribute("class").split() if c.startswith("spk-")][0]
    speaker = page.locator("#article-text .who", has_text="Marta Kowalczyk").first
    assert colour in speaker.get_attribute("class").split()  # the speaker is marked in the quote's colour
    swatch = item.locator(".swatch").evaluate("el => getComputedStyle(el).backgroundColor")
    background = quote.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background == swatch and background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert "direct quote by Marta Kowalczyk" in quote.get_attribute("title")
    assert "cue 'said'" in page.locator("#article-text .cue").first.get_attribute("title")
    quote.hover()  # the side panel says what it is (our own script; the title attribute works without it)
    panel = sync_api.expect(page.locator("#panel-now"))
    panel.to_contain_text("direct quote by Marta Kowalczyk")
    page.locator("#article-text .fig").first.hover()
    panel.to_contain_text("figure")
    page.locator("#article-text .tim").first.hover()
    panel.to_contain_text("DATE: 2024-")
    page.screenshot(path=str(artifacts / "article.png"), full_page=True)

    page.click("#panel .quote-list a >> text=Marta Kowalczyk")
    page.wait_for_url("**/entities/**")
    assert page.inner_text("h1") == "Marta Kowalczyk"
    chart = page.locator("section.timeline svg.chart")
    assert chart.count() == 1 and chart.locator(".x-tick").count() >= 1
    assert {t.strip() for t in chart.locator(".axis-title").all_text_contents()} == {"month", "mentions"}
    page.screenshot(path=str(artifacts / "entity.png"), full_page=True)

    back = page.locator("ol.quotes a.source").first
    target = back.get_attribute("href")
    quoted = page.locator("ol.quotes blockquote").first.inner_text().strip("“”")
    back.click()
    page.wait_for_url("**" + target)
    page.wait_for_selector("#article-text")
    assert page.url.endswith(target) and "#q" in target
    start = int(target.split("#q")[1])
    assert _quote_at(page, start) == (start, quoted)  # the link lands on that quote at its offsets


def _quote_at(page, start: int) -> tuple[int, str]:
    """Where, in the rendered text, the pieces of the quote starting at ``start`` begin, and their joined text."""
    return tuple(page.evaluate("""start => {
        const box = document.getElementById('article-text');
        const pieces = [...box.querySelectorAll(`[data-q="${start}"]`)];
        const range = document.createRange();
        range.setStart(box, 0);
        range.setEndBefore(pieces[0]);
        return [range.toString().length, pieces.map(p => p.textContent).join('')];
    }""", start))


def test_quotes_page_links_every_quote_to_its_article(page, artifacts):
    page.goto("/quotes?kind=direct")
    links = page.locator("ol.quotes a.source")
    assert links.count() > 0
    assert page.locator("ol.quotes .kind").all_inner_texts() == ["direct"] * page.locator("ol.quotes .kind").count()
    page.screenshot(path=str(artifacts / "quotes.png"), full_page=True)
    href = links.first.get_attribute("href")
    links.first.click()
    page.wait_for_url("**" + href)
    assert page.url.endswith(href) and page.locator("#article-text").count() == 1


def test_a_hostile_article_runs_nothing(page, artifacts):
    page.goto(f"/articles/{HOSTILE['id']}")
    assert page.evaluate("() => window.__pwned === undefined")
    assert "<script>" in page.inner_text("#article-text")  # shown as text, not run
    assert page.locator("#article-text script, #article-text a, #article-text b, h1 img").count() == 0
    page.screenshot(path=str(artifacts / "hostile.png"), full_page=True)
    page.goto("/?q=budget")
    assert page.evaluate("() => window.__pwned === undefined")


def test_narrow_a_search_to_a_month_with_the_date_fields(page, server, artifacts):
    """The reader types a month into the side's date fields and presses Narrow: the count, the hits and the fields
    show that month's matches, the other filters kept; a malformed date is refused by the field before sending."""
    import json
    import urllib.parse
    import urllib.request
    with urllib.request.urlopen(f"{server}/api/v1/search/facets?q=the") as response:
        person = json.load(response)["people"][0]["value"]  # the most named: the filter to keep
    narrowed = urllib.parse.urlencode({"q": "the", "entity": person})
    with urllib.request.urlopen(f"{server}/api/v1/search?{narrowed}&limit=50") as response:
        dated = [h["published"][:7] for h in json.load(response)["hits"] if h.get("published")]
    month = max(set(dated), key=dated.count)
    page.goto("/?" + narrowed)
    page.fill("form.dates input[name=since]", month)
    page.fill("form.dates input[name=until]", month)
    page.click("form.dates button[type=submit]")
    page.wait_for_selector("#result-count")
    assert f"since={month}" in page.url and f"until={month}" in page.url and "q=the" in page.url
    assert urllib.parse.urlencode({"entity": person}) in page.url  # the other filters kept
    with urllib.request.urlopen(f"{server}/api/v1/search?{narrowed}&since={month}&until={month}") as response:
        total = json.load(response)["total"]
    assert page.inner_text("#result-count").startswith(f"{total} article")  # the API's count for the same filters
    shown = page.locator(".hit .date").all_inner_texts()
    assert shown and all(date.startswith(month) for date in shown)
    assert page.input_value("form.dates input[name=since]") == month
    page.screenshot(path=str(artifacts / "search-narrowed-to-a-month.png"), full_page=True)
    page.fill("form.dates input[name=until]", f"{month}-28T23:59")  # a time after a T, as the API takes it
    page.click("form.dates button[type=submit]")
    page.wait_for_selector("#result-count")
    assert "T23%3A59" in page.url
    before = page.url
    page.fill("form.dates input[name=since]", "March")
    page.click("form.dates button[type=submit]")
    assert page.url == before  # the field's pattern stops the form: nothing sent
