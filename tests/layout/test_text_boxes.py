from pathlib import Path

from extractor.ingest.text_dump import read_text_dump
from extractor.layout.text_boxes import clean_segment, detect_revision, locate_labels


def test_seed_boxes_located(seed_path: Path) -> None:
    layout = locate_labels(read_text_dump(seed_path.read_text()))
    assert layout.revision.name == "2002"
    segments = {key: clean_segment(layout.segment_after(layout.find(key)))  # type: ignore[arg-type]
                for key in ("reporting_person", "issuer", "earliest_transaction", "amendment")}
    assert segments == {
        "reporting_person": "Longcor Jarrod",
        "issuer": "Cellectar Biosciences, Inc. [CLRB]",
        "earliest_transaction": "09/18/2017",
        "amendment": "",
    }
    # The clipped "(City" sub-label is still found.
    assert layout.find("city", "sublabel") is not None
    # Check-box labels are looked for in the box area only: "10% Owner" heads the Reporting
    # Owners table further down, which is not box 5.
    director = layout.find("director", "checkbox")
    assert director is not None and director.start < layout.find("table2.heading").start  # type: ignore[union-attr]
    assert layout.find("ten_percent_owner", "checkbox") is None


def test_revision_detection() -> None:
    assert detect_revision("4. Statement for Month/Year February 2000").name == "pre-2002"
    assert detect_revision(
        "Check this box to indicate that a transaction was made pursuant to a contract, "
        "instruction or written plan ... intended to satisfy the affirmative defense conditions "
        "of Rule 10b5-1(c). See Instruction 10.").name == "2023"
    assert detect_revision("3. Date of Earliest Transaction (Month/Day/Year)").name == "2002"
