import random
from pathlib import Path

from extractor.assemble.edgar_xml import read_edgar_xml
from tests.support.variants import VARIANTS


def test_each_variant_changes_what_it_names(corpus_xml: list[Path]) -> None:
    form = read_edgar_xml(next(p for p in corpus_xml if p.name.startswith("aapl_cook"))
                          .read_bytes())
    made = {name: make(form, random.Random(1)) for name, make in VARIANTS.items()}
    assert made["amendment"].document_type.value == "4/A"
    assert made["amendment"].date_of_original_submission.value is not None
    assert made["other"].reporting_owners[0].relationship.is_other.value is True
    assert made["other"].reporting_owners[0].relationship.other_text.value
    assert len(made["remarks"].remarks.value or "") > 300
    assert made["10b5-1"].aff10b5_one.value is True
    assert len(made["joint"].reporting_owners) == 2
    assert made["joint"].individual_or_joint_filing.value == "joint"
    assert len(made["longtable"].non_derivative_table) == 30  # the spec's most, section 3.5
    assert made["pre2002"].form_revision == "pre-2002"
    assert made["pre2002"].statement_month.value == "2019-08"
    again = {name: make(form, random.Random(1)) for name, make in VARIANTS.items()}
    assert made == again  # seeded
