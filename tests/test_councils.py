import pytest

import diversity_review as dr
from diversity_review.councils import UnknownCouncilError


def test_registry_has_22_councils_with_real_seat_total():
    table = dr.councils()
    assert len(table) == 22
    assert table["council_code"].str.match(r"^W06\d{6}$").all()
    # BBC total of seats at the May 2022 election (PROVENANCE.md)
    assert table["seats_2022"].sum() == 1234
    assert table.set_index("council_code").loc["W06000015", "name_cy"] == "Caerdydd"
    assert table["seats_2022_source"].notna().all()


@pytest.mark.parametrize(
    "text, code",
    [
        ("Cardiff", "W06000015"),
        ("caerdydd", "W06000015"),
        ("W06000015", "W06000015"),
        (" w06000015 ", "W06000015"),
        ("City of Cardiff Council", "W06000015"),
        ("City and County of Swansea", "W06000011"),
        ("Dinas a Sir Abertawe", "W06000011"),
        ("Carmarthenshire County Council", "W06000010"),
        ("Cyngor Sir Gâr", "W06000010"),
        ("Sir Gar", "W06000010"),
        ("Cyngor Sir Caerfyrddin", "W06000010"),
        ("The Vale of Glamorgan", "W06000014"),
        ("Vale of Glamorgan Council", "W06000014"),
        ("Bro Morgannwg", "W06000014"),
        ("Rhondda Cynon Taff", "W06000016"),
        ("Rhondda Cynon Taf County Borough Council", "W06000016"),
        ("Newport City Council", "W06000022"),
        ("Cyngor Dinas Casnewydd", "W06000022"),
        ("Isle of Anglesey County Council", "W06000001"),
        ("Ynys Mon", "W06000001"),
        ("Cyngor Sir Ynys Môn", "W06000001"),
        ("Isle of Anglesey / Ynys Môn", "W06000001"),
        ("Neath Port Talbot CBC", "W06000012"),
        ("Castell-nedd Port Talbot", "W06000012"),
        ("Cyngor Bwrdeistref Sirol Pen-y-bont ar Ogwr", "W06000013"),
        ("Sir y Fflint", "W06000005"),
        ("Merthyr Tydfil County Borough Council", "W06000024"),
        ("  MONMOUTHSHIRE   county council. ", "W06000021"),
        ("Cyngor Gwynedd", "W06000002"),
    ],
)
def test_resolve_council_spellings(text, code):
    assert dr.resolve_council(text) == code


def test_unknown_council_lists_close_matches():
    with pytest.raises(UnknownCouncilError) as info:
        dr.resolve_council("Cardif", file="r.xlsx", sheet="2022", cell="A7")
    assert info.value.suggestions[0] == "Cardiff"
    assert str(info.value).startswith("r.xlsx, sheet '2022', cell A7: unknown council 'Cardif'")
    assert isinstance(info.value, ValueError)


def test_unknown_council_without_close_match():
    with pytest.raises(UnknownCouncilError) as info:
        dr.resolve_council("Gloucestershire")
    assert info.value.suggestions == []


def test_council_name_both_languages():
    assert dr.council_name("W06000009", "cy") == "Sir Benfro"
    assert dr.council_name(dr.WALES_CODE, "cy") == "Cymru"
    assert dr.council_name(dr.WALES_CODE) == "Wales"
