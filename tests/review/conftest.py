"""Review fixtures: a review directory of real documents (a scan, a rendered PDF with its
result, EDGAR XML), the real server on a free port, headless chromium through Selenium."""

from __future__ import annotations

import json
import random
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from extractor import extract
from extractor.export.json_document import to_json_dict
from extractor.review.commands import DEFAULT_DB, make_server
from extractor.review.intake import load_directory
from extractor.review.store import Store
from tests.support.paths import FIXTURE_CORPUS

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
#: The value a test plants as a doubt in a result, and the remark that must show as text.
SCRIPT_REMARK = "<script>window.pwned = 1</script><b>bold?</b> & more"


def _corpus(name: str) -> Path:
    """An EDGAR XML filing shipped in tests/fixtures (a copy of ../shared's)."""
    return FIXTURE_CORPUS / "xml" / name


def doubted_result(source: Path, name: str, changes: dict[tuple[str, ...], tuple[float, str]],
                   remark: str | None = None) -> dict:
    """The form4 result of ``source`` (named ``name``) with doubts planted on fields."""
    document = to_json_dict(extract(source), name)
    for keys, (confidence, reason) in changes.items():
        node = document
        for key in keys:
            node = node[int(key)] if isinstance(node, list) else node[key]
        node["confidence"], node["review_reason"] = confidence, reason
    if remark is not None:
        document["remarks"] = {"value": remark, "confidence": 0.5, "footnote_ids": [],
                               "review_reason": "planted: a remark holding markup",
                               "provenance": {"source": "edgar-xml", "raw_text": remark}}
    return document


def fax_scan() -> bytes:
    """Tesla's filing rendered and scanned as a fax (tests/support/scan.py): real OCR doubts."""
    from extractor.assemble.edgar_xml import read_edgar_xml
    from extractor.render import render_pdf
    from tests.support.scan import QUALITIES, png_bytes, scan

    truth = read_edgar_xml(_corpus("tsla_musk_2023-03-08.xml").read_bytes())
    quality = QUALITIES["fax150"]
    return png_bytes(scan(render_pdf(truth), quality, random.Random(3))[0], quality.dpi)


def make_review_dir(base: Path) -> Path:
    """A review directory: a faxed scan (extracted at start), the rendered Apple PDF with a
    result in which two values are doubted, and Tesla's XML with a result whose remark holds
    markup."""
    root = base / "inbox"
    (root / "scans").mkdir(parents=True)
    (root / "scans" / "tsla_fax150.png").write_bytes(fax_scan())
    pdf = root / "aapl_cook_rendered.pdf"
    shutil.copy(ROOT / "samples" / "aapl_cook_2019-08-24_rendered.pdf", pdf)
    result = doubted_result(pdf, "aapl_cook_rendered.pdf", {
        ("non_derivative_table", "0", "transaction_shares"): (0.41, "planted: shares smudged"),
        ("period_of_report",): (0.62, "planted: box 3 blurred")})
    (root / "aapl_cook_rendered.json").write_text(json.dumps(result))
    xml = root / "tsla_musk.xml"
    shutil.copy(_corpus("tsla_musk_2023-03-08.xml"), xml)
    result = doubted_result(xml, "tsla_musk.xml", {}, remark=SCRIPT_REMARK)
    (root / "tsla_musk.json").write_text(json.dumps(result))
    return root


@pytest.fixture(scope="module")
def review_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_review_dir(tmp_path_factory.mktemp("review"))
    store = Store(root / DEFAULT_DB)
    added, failed = load_directory(store, root, lambda _: None)
    store.close()
    assert (added, failed) == (3, 0)
    return root


@pytest.fixture(scope="module")
def server(review_dir: Path) -> Iterator[str]:
    """The real review server over ``review_dir`` on a free port, in a thread."""
    httpd = make_server(review_dir, review_dir / DEFAULT_DB, "tester")
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.port}"
    httpd.shutdown()
    httpd.server_close()


def _chrome():  # type: ignore[no-untyped-def]
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("chromium and chromedriver are not installed "
                    "(scripts/install-system-packages.sh installs them)")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1600,1000", "--disable-extensions", "--no-first-run"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.implicitly_wait(0)
    return driver


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    driver = _chrome()
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def second_browser() -> Iterator[object]:
    driver = _chrome()
    yield driver
    driver.quit()
