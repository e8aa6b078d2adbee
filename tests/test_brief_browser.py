"""brief.html in a real browser: Debian's chromium, headless, driven by Selenium.

Clicking a figure highlights its evidence span and scrolls it into view; a hostile
article runs no script. Skipped (with the reason) when chromium, chromedriver or
selenium is missing; CI installs them. The screenshot lands in tests/artifacts/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from summarizer.brief.render import write_brief

from .briefkit import article, casualty, count, deployment, source, three_outlets

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", "--window-size=1280,900"]


def _find(*names: str) -> str | None:
    return next((p for p in map(shutil.which, names) if p), None)


CHROMIUM = _find("chromium", "chromium-browser")
CHROMEDRIVER = _find("chromedriver")

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install chromium)"),
    pytest.mark.skipif(CHROMEDRIVER is None,
                       reason="chromedriver not installed (apt-get install chromium-driver)"),
]


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium not installed "
                                    "(pip install selenium)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    browser = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    browser.set_page_load_timeout(30)
    yield browser
    browser.quit()


FILLER = ("Farmers in the east of Estavia expect a late harvest after a wet spring, and the "
          "rail line to the coast reopened after repairs. ") * 3


def _long_articles():
    """Three outlets carrying one estimate, a wave, and enough text that the evidence is off screen."""
    records, texts = three_outlets()
    paragraphs = [FILLER] * 25 + ["Estavia sent 2,150 troops to Valmora in 2019, the defence "
                                  "ministry said."] + [FILLER] * 5
    made = article("wire-z", paragraphs, deployments=(
        deployment(25, count(2150), source("Estavian defence ministry"), "2019"),))
    rival = article("wire-y", ["Norland's security bureau said about 2,400 Estavian troops "
                               "reached Valmora in 2019."], deployments=(
        deployment(0, count(2400, approximate=True), source("Norland Security Bureau"), "2019"),))
    return records + [made[0], rival[0]], {**texts, "wire-z": made[1], "wire-y": rival[1]}


def _in_viewport(driver, element) -> bool:
    top, bottom, left, right, height, width = driver.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return [r.top, r.bottom, r.left, r.right, window.innerHeight, window.innerWidth];", element)
    return top >= 0 and left >= 0 and bottom <= height and right <= width


def test_clicking_a_figure_highlights_its_evidence_and_scrolls_it_into_view(driver, tmp_path):
    from selenium.webdriver.common.by import By

    records, texts = _long_articles()
    write_brief(records, texts, tmp_path)
    driver.get((tmp_path / "brief.html").as_uri())
    link = driver.find_element(By.XPATH, "//a[@class='fig' and normalize-space()='2,150']")
    target = driver.find_element(By.ID, link.get_attribute("data-spans").split()[0])
    assert "Estavia sent 2,150 troops" in target.text
    assert "highlight" not in target.get_attribute("class")
    assert not _in_viewport(driver, target)

    link.click()

    assert "highlight" in target.get_attribute("class").split()
    assert _in_viewport(driver, target)
    # A figure carried by three outlets lights all three spans.
    three = driver.find_element(By.XPATH, "//a[@class='fig' and normalize-space()='640']")
    three.click()
    spans = three.get_attribute("data-spans").split()
    assert len(spans) == 3
    assert all("highlight" in driver.find_element(By.ID, s).get_attribute("class") for s in spans)
    assert "highlight" not in target.get_attribute("class")
    link.click()
    ARTIFACTS.mkdir(exist_ok=True)
    assert driver.save_screenshot(str(ARTIFACTS / "brief.png"))


def test_a_hostile_article_runs_no_script_and_shows_as_text(driver, tmp_path):
    from selenium.webdriver.common.by import By

    hostile = ('Estavia denied it. <script>window.__pwned=1</script> The ministry said 95 Estavian '
               'troops were killed. <img src=x onerror="window.__pwned=1"> Talks resume in Ostrin.')
    records, text = article("wire-h", [hostile], casualties=(casualty(
        0, "Estavian troops", source("Estavian defence ministry"), killed=count(95)),))
    write_brief([records], {"wire-h": text}, tmp_path)
    driver.get((tmp_path / "brief.html").as_uri())
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    section = driver.find_element(By.ID, "article-1")
    assert section.is_displayed()
    assert "<script>window.__pwned=1</script>" in section.text
    assert '<img src=x onerror="window.__pwned=1">' in section.text
    assert driver.find_elements(By.CSS_SELECTOR, "img") == []
    driver.find_element(By.XPATH, "//a[@class='fig' and normalize-space()='95']").click()
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
