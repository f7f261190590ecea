import pytest

from extractor.fields.addresses import parse_city_state_zip, recase_address, split_street
from extractor.fields.names import is_entity_name, split_person_name, ticker_spelled_by


def test_recase_all_capitals_only() -> None:
    assert recase_address("C/O CELLECTAR BIOSCIENCES, INC.") == "C/O Cellectar Biosciences, Inc."
    assert recase_address("520 MADISON AVE 38TH FLOOR") == "520 Madison Ave 38th Floor"
    assert recase_address("ONE MAIN ST, SUITE 100 NW") == "One Main St, Suite 100 NW"
    assert recase_address("106 EAST BABCOCK STREET, SUITE 3A") == \
        "106 East Babcock Street, Suite 3A"
    assert recase_address("c/o Productivity Technologies Corp.") == \
        "c/o Productivity Technologies Corp."


def test_split_street_care_of_line() -> None:
    assert split_street("C/O CELLECTAR BIOSCIENCES, INC., 3301 AGRICULTURE DRIVE") == \
        ("C/O CELLECTAR BIOSCIENCES, INC.", "3301 AGRICULTURE DRIVE")
    assert split_street("C/O TESLA, INC. 1 TESLA ROAD") == ("C/O TESLA, INC.", "1 TESLA ROAD")
    assert split_street("1 Infinite Loop") == ("1 Infinite Loop", None)


def test_city_state_zip() -> None:
    parsed = parse_city_state_zip("MADISON, WI 53716")
    assert parsed is not None
    assert (parsed.city, parsed.state, parsed.zip_code) == ("MADISON", "WI", "53716")
    parsed = parse_city_state_zip("New York, NY  10022-1234")
    assert parsed is not None and parsed.zip_code == "10022-1234"
    assert parse_city_state_zip("Paris, XX 75001") is None
    assert parse_city_state_zip("MADISON, WI 5371") is None


def test_person_names() -> None:
    name = split_person_name("Foster, Alan H.")
    assert (name.full, name.last, name.first, name.middle) == \
        ("Foster Alan H.", "Foster", "Alan", "H.")
    name = split_person_name("Longcor Jarrod")
    assert (name.last, name.first, name.middle) == ("Longcor", "Jarrod", None)
    assert is_entity_name("SoftBank Group Corp.")
    assert split_person_name("SB Northstar LP").first is None
    assert not is_entity_name("Jean-Claude Killy")


@pytest.mark.parametrize(("ticker", "issuer", "spelled"), [
    ("TSLA", "Tesla, Inc.", True), ("NVDA", "NVIDIA CORP", True),
    ("FLWS", "1 800 FLOWERS COM INC", True),
    ("MVIS", "MICROVISION, INC.", True), ("AAPL", "Apple Inc.", False),  # one A only
    ("TSIA", "Tesla, Inc.", False), ("", "Tesla, Inc.", False), ("T3LA", "Tesla, Inc.", False),
])
def test_a_ticker_spelled_by_the_issuer_name(ticker: str, issuer: str, spelled: bool) -> None:
    assert ticker_spelled_by(ticker, issuer) is spelled
