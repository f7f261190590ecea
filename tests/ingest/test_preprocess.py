"""Scan pre-processing on real pages: a filing rendered by the project's renderer and
rasterized (tests/support/scan.py), then turned, specked, aged; and small synthetic marks."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from extractor.assemble.edgar_xml import read_edgar_xml
from extractor.ingest.preprocess import (
    box_before_turns,
    deskew,
    despeckle,
    normalize_contrast,
    smooth_enlarged_fax,
)
from extractor.layout.scan_rules import find_rules
from extractor.render import render_pdf
from tests.support.scan import QUALITIES, rasterize


@pytest.fixture(scope="module")
def page(filings: list[Path]) -> Image.Image:
    path = next(p for p in filings if p.name.startswith("tsla_musk"))
    return rasterize(render_pdf(read_edgar_xml(path.read_bytes())), 150)[0]


@pytest.mark.parametrize("angle", [-2.3, 0.8, 4.0])
def test_deskew_finds_the_angle(page: Image.Image, angle: float) -> None:
    turned = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    _, found = deskew(turned)
    assert found == pytest.approx(-angle, abs=0.15)


def test_straight_page_is_left_alone(page: Image.Image) -> None:
    straight, angle = deskew(page)
    assert angle == 0.0 and straight is page


def test_despeckle_removes_specks_and_keeps_print(page: Image.Image) -> None:
    rng = random.Random(5)
    specked = page.copy()
    pixels = specked.load()
    for _ in range(2000):
        pixels[rng.randrange(page.width), rng.randrange(page.height)] = 0  # type: ignore[index]
    cleaned = despeckle(specked, 150)
    ink = (np.asarray(page) < 140).sum()
    left = (np.asarray(cleaned) < 140).sum()
    added = (np.asarray(specked) < 140).sum() - ink
    assert added > 1500
    # Nearly every speck is gone; nearly all of the print stays.
    assert ink - 0.02 * ink <= left <= ink + 0.1 * added


def test_despeckle_keeps_a_full_stop_at_300_dpi() -> None:
    image = Image.new("L", (200, 100), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((50, 50, 53, 53), fill=0)  # a full stop: 4 x 4 pixels at 300 dpi
    draw.point((150, 50), fill=0)              # a speck
    cleaned = np.asarray(despeckle(image, 300))
    assert cleaned[51, 51] < 140
    assert cleaned[50, 150] == 255


def test_edge_softness_tells_blur_from_sharp_print(page: Image.Image) -> None:
    from PIL import ImageFilter

    from extractor.ingest.preprocess import edge_softness

    sharp = edge_softness(page)
    blurred = edge_softness(page.filter(ImageFilter.GaussianBlur(1.2)))
    assert sharp < 1.0 < blurred


def test_smoothing_an_enlarged_fax_removes_blots_and_keeps_strokes() -> None:
    image = Image.new("L", (120, 120), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 20, 21, 21), fill=0)     # a fax's stray pixel, enlarged to 2 x 2
    draw.rectangle((60, 10, 63, 100), fill=0)    # a stroke, 4 pixels wide once enlarged
    draw.rectangle((70, 50, 110, 53), fill=0)    # and a crossbar
    smoothed = np.asarray(smooth_enlarged_fax(image))
    assert smoothed[20:22, 20:22].min() == 255
    assert smoothed[12:98, 61:63].max() == 0 and smoothed[51:53, 72:108].max() == 0


def test_white_paper_and_dark_ink_are_left_as_they_are(page: Image.Image) -> None:
    assert normalize_contrast(page, 150) is page
    for name in ("office200", "fax150"):
        scanned = QUALITIES[name].degrade(page, random.Random(3))
        assert normalize_contrast(scanned, 150) is scanned


def test_an_aged_copy_gets_white_paper_dark_ink_and_its_rules_back(page: Image.Image) -> None:
    """Grey paper, faded ink, light falling unevenly (faded300 of
    tests/support/scan.py, unskewed)."""
    aged = QUALITIES["faded300"].degrade(page, random.Random(11))
    clean, before = np.asarray(page), np.asarray(aged)
    paper, ink = clean == 255, clean < 60
    assert np.median(before[paper]) < 215 and np.median(before[ink]) > 90
    after = np.asarray(normalize_contrast(aged, 150))
    height, width = after.shape
    for half in (np.s_[:, : width // 2], np.s_[:, width // 2:], np.s_[: height // 2],
                 np.s_[height // 2:]):  # evened out on every side, whichever way the light fell
        assert np.median(after[half][paper[half]]) >= 245
        assert np.median(after[half][ink[half]]) <= 50
    # The ruling lines are found as on the clean page (a few letters the blur ran together
    # pass for short rules, which close no cell); on the aged copy not even half of them.
    def long_rules(image: Image.Image) -> list[tuple[float, float, float]]:
        h_rules, v_rules, _ = find_rules(image, 150)
        return sorted((round(a), round(b), round(c)) for a, b, c in h_rules + v_rules
                      if c - b >= 36)

    truth, found = long_rules(page), long_rules(Image.fromarray(after))
    assert len(found) == len(truth)
    assert all(abs(a - b) <= 2 for rule, other in zip(found, truth, strict=True)
               for a, b in zip(rule, other, strict=True))
    assert len(long_rules(aged)) < len(truth) / 2


@pytest.mark.parametrize(("turn", "angle"), [(0, 0.0), (0, 3.0), (0, -4.5), (90, 0.0),
                                             (180, 2.0), (270, -1.5)])
def test_a_box_found_on_the_page_as_read_is_found_on_the_page_as_given(
        turn: int, angle: float) -> None:
    """A mark drawn on the page as scanned; the page turned upright and straightened as the
    scan reader does; the mark's box found there and moved back lands on the mark."""
    given = Image.new("L", (600, 800), 255)
    mark = (380, 90, 470, 130)  # (x0, top, x1, bottom)
    ImageDraw.Draw(given).rectangle((mark[0], mark[1], mark[2] - 1, mark[3] - 1), fill=0)
    read = given.rotate(turn, expand=True, fillcolor=255) if turn else given
    read = read.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255) if angle \
        else read
    ink = read.point(lambda v: 255 if v < 128 else 0).getbbox()
    assert ink is not None
    back = box_before_turns(tuple(float(v) for v in ink), given.size, turn, angle)
    # The box around the turned-back corners holds the mark, and is little larger than it.
    slack = 2 + 130 * abs(np.sin(np.radians(angle)))
    assert back[0] <= mark[0] + 2 and back[1] <= mark[1] + 2
    assert back[2] >= mark[2] - 2 and back[3] >= mark[3] - 2
    assert back[0] >= mark[0] - slack and back[1] >= mark[1] - slack
    assert back[2] <= mark[2] + slack and back[3] <= mark[3] + slack
