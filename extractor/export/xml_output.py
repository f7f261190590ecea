"""``form4 extract --format xml``: the document, its check, and the review file beside it.

Every XML document form4 writes is checked as ``form4 validate`` checks a file, and the result
is reported per file.  With a target file, ``NAME.review.json`` is written next to ``NAME.xml``
(see :mod:`.xml_review`), so a flagged value left out of the XML is never lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from extractor.export.edgar_xml import EdgarXml, write_edgar_xml
from extractor.export.files import write_atomic
from extractor.export.xml_review import review_json
from extractor.export.xml_rules import Problem
from extractor.export.xml_validation import validate_xml
from extractor.model import Form4

REVIEW_SUFFIX = ".review.json"


@dataclass(frozen=True, slots=True)
class CheckedXml:
    """A written document and what the check found."""

    xml: EdgarXml
    problems: tuple[Problem, ...]

    @property
    def valid(self) -> bool:
        return not self.problems


def review_path(target: str | Path) -> Path:
    """``NAME.review.json`` beside ``NAME.xml``."""
    path = Path(target)
    return path.with_name(path.stem + REVIEW_SUFFIX)


def checked_xml(form: Form4) -> CheckedXml:
    """``form`` as EDGAR XML, validated."""
    xml = write_edgar_xml(form)
    return CheckedXml(xml, tuple(validate_xml(xml.data)))


def write_checked(form: Form4, target: str | Path, source_path: str | None) -> CheckedXml:
    """Write ``target`` and the review file beside it; the check's result."""
    result = checked_xml(form)
    write_atomic(target, result.xml.data)
    write_atomic(review_path(target), review_json(form, result.xml, list(result.problems),
                                                  Path(target).name, source_path))
    return result


def check_report(name: str, result: CheckedXml, review: Path | None = None) -> list[str]:
    """The lines that report the check of the document written for ``name``."""
    xml = result.xml
    parts = ["valid EDGAR XML" if result.valid else
             f"not valid EDGAR XML ({len(result.problems)} problem(s))"]
    if not xml.submittable:
        parts.append("not yet submittable: " + ", ".join(
            m.xml_path.rsplit("/", 2)[-2] + "/" + m.xml_path.rsplit("/", 1)[-1]
            for m in xml.not_submittable) + " missing")
    if xml.omitted:
        where = f" (listed in {review})" if review is not None else " (listed in comments)"
        parts.append(f"{len(xml.omitted)} flagged value(s) left out{where}")
    lines = [f"form4: xml check: {name}: " + "; ".join(parts)]
    lines += [f"  {problem}" for problem in result.problems]
    return lines
