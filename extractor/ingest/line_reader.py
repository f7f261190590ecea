"""A second OCR engine: PP-OCR text-line recognition (RapidOCR's ONNX model, onnxruntime).

Tesseract finds a scan's words and reads them; this engine reads again, from the pixels, the
lines a value was read from, so that two readings made independently can be compared.  The two
engines go wrong in different ways (on the fax150 scans tesseract read a month's 05 as 06 in 84
dates of 471, where its 0 and 5 touch; this engine read all but 3 of those right, and in words
it reads a small "t" as "l" where tesseract does not), so where they agree the reading is far
surer than either engine's own confidence says.

Only recognition is used: the regions come from tesseract's word boxes.  The model is loaded once
per process, on first use.
"""

from __future__ import annotations

import functools
import os
import unicodedata
from dataclasses import dataclass
from typing import Any

import numpy as np
from PIL import Image

#: Threads the engine may use: one, as tesseract gets (OMP_THREAD_LIMIT); a batch run uses one
#: process per core.
THREADS = 1


@dataclass(frozen=True, slots=True)
class LineReading:
    """What the engine read in one region, and how sure it was (0-1)."""

    text: str
    confidence: float


@functools.cache
def _recognizer() -> Any:
    from rapidocr_onnxruntime import ch_ppocr_rec

    models = os.path.join(os.path.dirname(ch_ppocr_rec.__file__), "..", "models")
    return ch_ppocr_rec.TextRecognizer({
        "model_path": os.path.normpath(os.path.join(models, "ch_PP-OCRv4_rec_infer.onnx")),
        "use_cuda": False, "use_dml": False,
        "intra_op_num_threads": THREADS, "inter_op_num_threads": THREADS,
        "rec_batch_num": 1, "rec_img_shape": [3, 48, 320],
    })


def read_lines(image: Image.Image, dpi: float,
               regions: list[tuple[float, float, float, float]]) -> list[LineReading]:
    """What the engine reads in each region (x0, top, x1, bottom in points) of ``image``.

    Each region should hold one line of print with some white round it (the model was trained
    on lines cut so).  The text is in Unicode's compatibility form (NFKC): the model's alphabet
    includes full-width punctuation ("：" for ":").
    """
    if not regions:
        return []
    px = dpi / 72.0
    pixels = np.asarray(image.convert("L"), dtype=np.uint8)
    height, width = pixels.shape
    crops = []
    for x0, top, x1, bottom in regions:
        left, right = max(0, int(x0 * px)), min(width, int(x1 * px) + 1)
        upper, lower = max(0, int(top * px)), min(height, int(bottom * px) + 1)
        crop = pixels[upper:max(lower, upper + 1), left:max(right, left + 1)]
        crops.append(np.repeat(crop[:, :, np.newaxis], 3, axis=2))  # the model reads colour
    found, _ = _recognizer()(crops)
    return [LineReading(unicodedata.normalize("NFKC", text).strip(), float(score))
            for text, score in found]
