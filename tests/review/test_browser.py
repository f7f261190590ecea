"""The review app in a real headless chromium against the real server: a document reviewed
to done with the keyboard alone, the correction found in the exported JSON and XML, a stale
edit refused across two sessions, markup in a remark shown as text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from extractor.cli import main
from tests.review.conftest import SCRIPT_REMARK

pytest.importorskip("selenium")
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = [pytest.mark.browser, pytest.mark.tesseract, pytest.mark.slow]


def _doc_id(browser: Any, server: str, name: str) -> str:
    browser.get(server + "/")
    link = browser.find_element(By.LINK_TEXT, name)
    return link.get_attribute("href").rsplit("/", 1)[-1]


def _keys(browser: Any, *keys: str) -> None:
    ActionChains(browser).send_keys(*keys).perform()


def _after_reload(browser: Any, old: Any) -> None:
    def gone(_: Any) -> bool:
        try:
            old.is_enabled()
        except StaleElementReferenceException:
            return True
        return False

    WebDriverWait(browser, 15).until(gone)
    WebDriverWait(browser, 15).until(lambda b: b.execute_script(
        "return document.readyState") == "complete")


def _selected(browser: Any) -> Any:
    return browser.find_element(By.CSS_SELECTOR, "#doubts .item.selected")


def _export(review_dir: Path, out: Path, fmt: str) -> None:
    result = CliRunner().invoke(main, ["review", "export", str(review_dir), "-o", str(out),
                                       "--format", fmt])
    assert result.exit_code == 0, result.output


def test_queue_is_ordered_by_doubt(browser: Any, server: str) -> None:
    browser.get(server + "/")
    names = [td.text for td in
             browser.find_elements(By.CSS_SELECTOR, "#queue tr.doc td:first-child")]
    opens = [int(td.text) for td in browser.find_elements(By.CSS_SELECTOR, "#queue td.open")]
    assert names[0] == "scans/tsla_fax150.png"  # the fax: the most doubts
    assert opens == sorted(opens, reverse=True) and opens[0] >= 5


def test_keyboard_review_to_done_and_export(browser: Any, server: str, review_dir: Path,
                                            tmp_path: Path) -> None:
    _export(review_dir, tmp_path / "before", "xml")
    before = (tmp_path / "before" / "scans__tsla_fax150.xml").read_text()
    assert "<transactionPricePerShare><value>2.79" not in before.replace("\n", "")

    browser.get(server + "/")
    _keys(browser, "n")  # the first document with doubts left: the fax
    WebDriverWait(browser, 15).until(lambda b: "/doc/" in b.current_url)
    assert "tsla_fax150.png" in browser.find_element(By.TAG_NAME, "h1").text
    # The selected value's box is drawn on the page image, and scrolled into view.
    box = browser.find_element(By.CSS_SELECTOR, ".box.selected")
    assert box.is_displayed() and box.size["width"] > 5 and box.size["height"] > 3
    assert browser.execute_script(
        "var r = arguments[0].getBoundingClientRect(), p = document.getElementById('pages')"
        ".getBoundingClientRect(); return r.top >= p.top && r.bottom <= p.bottom;", box)

    seen: list[str] = []
    for _ in range(40):
        if browser.find_elements(By.ID, "done"):
            break
        item = _selected(browser)
        item_id = item.get_attribute("data-field")
        path = item.find_element(By.CSS_SELECTOR, ".path").text
        if path == "non_derivative_table[0].transaction_price_per_share":
            engines = item.find_elements(By.CSS_SELECTOR, "dd.engine")
            assert len(engines) == 2  # tesseract's reading and the second engine's
            assert "2.79" in item.find_element(By.CSS_SELECTOR, "pre.raw").text
            _keys(browser, "e")
            _keys(browser, Keys.CONTROL, "a")
            _keys(browser, "two dollars", Keys.ENTER)  # refused: not an amount
            message = browser.find_element(By.ID, "message")
            WebDriverWait(browser, 10).until(
                lambda b: b.find_element(By.ID, "message").is_displayed())
            assert "not an amount" in message.text
            field = browser.switch_to.active_element
            field.send_keys(Keys.CONTROL, "a")
            field.send_keys("2.79", Keys.ENTER)
        elif path.startswith("derivative_table[") and path.endswith(
                ("direct_or_indirect_ownership", "nature_of_ownership")):
            # The fax shifted Table II's "D" a column right: put it back, typed lower case.
            _keys(browser, "e")
            _keys(browser, Keys.CONTROL, "a")
            _keys(browser, Keys.BACK_SPACE)
            _keys(browser, *(["d"] if path.endswith("direct_or_indirect_ownership") else []),
                  Keys.ENTER)
        elif path == "reporting_owners[0].rpt_owner_zip_code":
            _keys(browser, "x")  # unreadable, then undone, then accepted
            _after_reload(browser, item)
            assert "unreadable" in browser.find_element(
                By.CSS_SELECTOR, f'#doubts .item[data-field="{item_id}"] .status').text
            old = _selected(browser)
            _keys(browser, "u")
            _after_reload(browser, old)
            assert _selected(browser).find_element(By.CSS_SELECTOR, ".path").text == path
            item = _selected(browser)
            _keys(browser, "a")
        else:
            _keys(browser, "a")
        seen.append(path)
        _after_reload(browser, item)
    assert browser.find_element(By.ID, "done").is_displayed()
    assert browser.find_element(By.ID, "open-count").text == "0"
    assert "non_derivative_table[0].transaction_price_per_share" in seen
    assert len(seen) >= 5

    _export(review_dir, tmp_path / "json", "json")
    document = json.loads((tmp_path / "json" / "scans__tsla_fax150.json").read_text())
    price = document["non_derivative_table"][0]["transaction_price_per_share"]
    assert price["value"] == 2.79 and price["confidence"] == 1
    assert price["provenance"]["source"] == "review" and price["provenance"]["page"] == 1
    assert price["review_reason"] is None
    done = {r["path"]: r for r in document["reviewed"]}
    assert done["non_derivative_table[0].transaction_price_per_share"]["action"] == "corrected"
    assert done["non_derivative_table[0].transaction_price_per_share"]["old_value"] == 2.79
    assert done["reporting_owners[0].rpt_owner_zip_code"]["action"] == "accepted"
    assert all(r["reviewer"] == "tester" for r in document["reviewed"])
    assert document["needs_review"] is False and document["review"] == []
    for row in document["derivative_table"]:
        assert row["direct_or_indirect_ownership"]["value"] == "D"
        assert row["direct_or_indirect_ownership"]["provenance"]["source"] == "review"
        assert row["nature_of_ownership"]["value"] is None

    _export(review_dir, tmp_path / "xml", "xml")
    xml = (tmp_path / "xml" / "scans__tsla_fax150.xml").read_text().replace("\n", "")
    assert "<transactionPricePerShare><value>2.79</value>" in xml.replace(" ", "")
    assert _ownership(before) == [] and _ownership(xml) == ["D", "D"]


def _ownership(xml: str) -> list[str]:
    """Table II's ownership codes in an exported XML document."""
    from lxml import etree

    tree = etree.fromstring(xml.encode())
    return tree.xpath("//derivativeTable/*/ownershipNature/directOrIndirectOwnership/value"
                      "/text()")


def test_stale_edit_is_refused(browser: Any, second_browser: Any, server: str,
                               review_dir: Path) -> None:
    doc = _doc_id(browser, server, "aapl_cook_rendered.pdf")
    for b in (browser, second_browser):
        b.get(f"{server}/doc/{doc}")
        assert _selected(b).find_element(By.CSS_SELECTOR, ".path").text == "period_of_report"
    # The first reviewer accepts; the second, on the page loaded before that, corrects.
    first = _selected(browser)
    _keys(browser, "a")
    _after_reload(browser, first)
    _keys(second_browser, "e")
    field = second_browser.switch_to.active_element
    field.send_keys(Keys.CONTROL, "a")
    old = _selected(second_browser)
    field.send_keys("2019-08-25", Keys.ENTER)
    _after_reload(second_browser, old)
    message = second_browser.find_element(By.ID, "message")
    assert "someone else changed this value first" in message.text
    assert "tester" in message.text and "accept" in message.text
    item = second_browser.find_element(By.CSS_SELECTOR, "#doubts .item .path")
    row = item.find_element(By.XPATH, "../..")
    assert row.find_element(By.CSS_SELECTOR, ".status").text == "accepted"
    assert "2019-08-24" in row.get_attribute("data-value")


def test_planted_box_is_drawn_on_the_pdf_page(browser: Any, server: str) -> None:
    doc = _doc_id(browser, server, "aapl_cook_rendered.pdf")
    browser.get(f"{server}/doc/{doc}")
    item = next(i for i in browser.find_elements(By.CSS_SELECTOR, "#doubts .item")
                if "transaction_shares" in i.find_element(By.CSS_SELECTOR, ".path").text)
    item.click()
    box = browser.find_element(By.CSS_SELECTOR, ".box.selected")
    image = browser.find_element(By.CSS_SELECTOR, ".page img")
    assert box.is_displayed()
    assert image.location["y"] < box.location["y"] < image.location["y"] + image.size["height"]
    assert "planted: shares smudged" in item.find_element(By.CSS_SELECTOR, ".reason").text


def test_markup_in_a_remark_shows_as_text(browser: Any, server: str) -> None:
    doc = _doc_id(browser, server, "tsla_musk.xml")
    browser.get(f"{server}/doc/{doc}")
    assert browser.execute_script("return window.pwned === undefined")
    item = _selected(browser)
    assert item.find_element(By.CSS_SELECTOR, ".path").text == "remarks"
    assert item.find_element(By.CSS_SELECTOR, "dd.value").text == SCRIPT_REMARK
    assert not browser.find_elements(By.CSS_SELECTOR, "#doubts b, #glance b, #doubts script")
    assert SCRIPT_REMARK in browser.find_element(By.ID, "glance").text
