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


def test_blurred_derivative_heading_found_past_a_rougher_alignment() -> None:
    """A fax's OCR of Table II's headings (pmn_jeremy fax150): the best rough alignment of
    "1. Title of Derivative" trims to a poor score, a later one scores well; it is found."""
    text = (
        "| 1. Title of Security (Instr. 3) | 2. Transaction Date (Month/Day/Year) |\n"
        "| Common Shares, no par value | 07/25/2025 |\n"
        "Table & - Derivative Securities Acquired, Disp d of, or B jally Owned (¢.g., puts, "
        "calls, warrants, options, convertible securities)\n"
        "| 1. Tie of Detivalive Security (Inst. 3) | (2. Conversion or Exercise Price of "
        "Derivative Security | 3. Transaction Date (Month/Day/YearDate. |\n"
        "| Tranche A Common Share Purchase Warrants | (1) | 07/25/2025 |\n")
    layout = locate_labels(read_text_dump(text))
    heading = layout.find("table2.heading")
    assert heading is not None
    assert layout.dump.flat[heading.start:heading.end].startswith("1. Tie of Detivalive")


def test_blurred_derivative_heading_found_right_after_the_title() -> None:
    """"1. Tive of Detivalive" (tsla_baglino fax150) scores under the strict mark anywhere,
    but right after Table II's printed title it is taken; far from a title it is not."""
    title = ("Table & - Derivative Securities Acquired, Disp d of, or B ficially Owned (@.g., "
             "puts, calls, warrants, options, convertible securities)\n")
    heading = ("| 1. Tive of Detivalive Security (Instr. 3) | 2. Conversion or Exercise Price of "
               "Derivative Security | (3. Transaction Date (Month/Day/YearDate, |\n")
    row = "| Non-Qualified Stock Option (right to buy) | $17.22 | 07/27/2023 |\n"
    layout = locate_labels(read_text_dump(title + heading + row))
    found = layout.find("table2.heading")
    assert found is not None and layout.dump.flat[found.start:].startswith("1. Tive")
    far = title + "Some words printed between.\n" * 5 + heading + row
    assert locate_labels(read_text_dump(far)).find("table2.heading") is None
