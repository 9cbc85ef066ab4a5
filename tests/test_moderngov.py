"""The Modern.Gov reader against a local server: the members command writes the roster
workbook; English and Welsh agree; no service, timeouts and bad or hostile replies give one
line each."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from diversity_review.cli import main as cli_main
from diversity_review.councils import councils, moderngov_host, moderngov_hosts
from diversity_review.errors import DataError, DataWarning
from diversity_review.load.roster import ROLES, load_roster
from diversity_review.sources.http import USER_AGENT, Client, HttpError, Policy
from diversity_review.sources.moderngov import fetch_roster, method_url, read_members, service_url
from helpers import Reply, serve_local

FIXTURES = Path(__file__).parent / "fixtures" / "moderngov"
METHOD = "mgWebService.asmx/GetCouncillorsByWard"
WELSH = "mgWebServiceW.asmx/GetCouncillorsByWard"


def _xml(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.fixture
def server():
    routes = {
        f"/cardiff/{METHOD}": Reply(body=_xml("cardiff_en.xml")),
        f"/cardiff/{WELSH}": Reply(body=_xml("cardiff_cy.xml")),
        f"/wrapped/{METHOD}": Reply(body=_xml("cardiff_en_wrapped.xml")),
        f"/nomethod/{METHOD}": Reply(500, _xml("no_method.txt"), "text/plain"),
        f"/slow/{METHOD}": Reply(body=_xml("cardiff_en.xml"), wait=10),
        f"/broken/{METHOD}": Reply(body=_xml("malformed.xml")),
        f"/bomb/{METHOD}": Reply(body=_xml("billion_laughs.xml")),
        f"/external/{METHOD}": Reply(body=_xml("external_entity.xml")),
        f"/committees/{METHOD}": Reply(body=_xml("committees.xml")),
        f"/flaky/{METHOD}": [Reply(503), Reply(502), Reply(body=_xml("cardiff_en.xml"))],
        f"/down/{METHOD}": Reply(503),
    }
    with serve_local(routes) as running:
        yield running


def _quick(**policy) -> tuple[Client, list[float]]:
    waits: list[float] = []
    settings = {"timeout": 5.0, "retries": 0, "backoff": 0.5, "delay": 0.0} | policy
    return Client(Policy(**settings), sleep=waits.append), waits


def _members(*argv: str) -> int:
    """``diversity-review members ...`` through the real command line."""
    return cli_main(["members", *argv])


def _read(path: Path) -> pd.DataFrame:
    with pytest.warns(DataWarning, match="councillors in the roster"):
        return load_roster(path)


# the fixture's 11 members, as a person reading their posts would record them
EXPECTED = pd.DataFrame(
    [
        ("101", "Adamsdown", "Labour", "leader", None),
        ("102", "Adamsdown", "Labour", "executive", "Social Services"),
        ("103", "Butetown", "Labour", "executive committee_chair", "Social Services"),
        ("104", "Butetown", "Labour", "deputy_leader executive", "Education"),
        ("105", "Cathays", "Liberal Democrats", "", None),
        ("106", "Cathays", "Liberal Democrats", "scrutiny_chair", None),
        ("107", "Cathays", "Green Party", "", None),
        ("108", "Llandaff", "Conservative", "chair_of_council", None),
        ("109", "Llandaff", "Conservative", "", None),
        ("110", "Penylan", "Labour", "executive", "Finance, Modernisation and Performance"),
        ("111", "Penylan", "Independent", "committee_chair", None),
    ],
    columns=["member_id", "ward", "party", "roles", "portfolio"],
)


def _roles(roster: pd.DataFrame) -> list[str]:
    """Each member's roles as the EXPECTED table writes them (the leader is an executive
    member too, which the table leaves implicit)."""
    out = []
    for row in roster.itertuples():
        held = [r for r in ROLES if getattr(row, r)]
        if "leader" in held:
            held.remove("executive")
        out.append(" ".join(held))
    return out


def test_members_command_writes_the_roster_workbook(server, tmp_path, capsys):
    out = tmp_path / "roster.xlsx"
    code = _members(
        "--council", "Cardiff", "--url", f"{server.url}/cardiff/", "--out", str(out), "--delay", "0"
    )
    printed = capsys.readouterr()
    assert code == 0, printed.err
    assert printed.out.splitlines() == [
        "Cardiff: 11 councillors in 5 wards; 1 leader, 5 executive members, 1 job-share portfolios",
        f"wrote {out} (1 councils, 11 councillors)",
    ]
    roster = _read(out).sort_values("member_id").reset_index(drop=True)
    assert roster["council_code"].unique().tolist() == ["W06000015"]
    assert roster["election"].unique().tolist() == [2022]
    for column in ("member_id", "ward", "party", "portfolio"):
        assert roster[column].fillna("-").tolist() == EXPECTED[column].fillna("-").tolist()
    assert _roles(roster) == EXPECTED["roles"].tolist()
    assert roster.loc[roster["job_share"], "member_id"].tolist() == ["102", "103"]
    # characteristics are left for officers to fill in: none is guessed
    for measure in ("sex", "age", "ethnicity", "disability", "welsh_language", "tenure"):
        assert set(roster[measure]) == {"Not known"}
    assert server.requests[0][0] == f"/cardiff/{METHOD}"


def test_the_workbook_has_drop_downs_and_no_contact_details(server, tmp_path):
    out = tmp_path / "roster.xlsx"
    assert (
        _members(
            "--council",
            "Cardiff",
            "--url",
            f"{server.url}/cardiff",
            "--out",
            str(out),
            "--delay",
            "0",
        )
        == 0
    )
    book = openpyxl.load_workbook(out)
    sheet = book["Roster"]
    header = [c.value for c in sheet[1]]
    sex = openpyxl.utils.get_column_letter(header.index("Sex") + 1)
    rules = {str(rule.sqref): rule.formula1 for rule in sheet.data_validations.dataValidation}
    assert rules[f"{sex}2:{sex}212"] == "='Lists'!$A$2:$A$5"
    assert [c.value for c in book["Lists"]["A"][1:5]] == [
        "Female",
        "Male",
        "Not known",
        "Prefer not to say",
    ]
    assert book["Lists"].sheet_state == "hidden"
    cells = [
        str(c.value)
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.value is not None
    ]
    # the reply's e-mails, photo addresses and postal addresses
    private = ("@example.invalid", "photo_small_", "photo_big_", "Example Street", "ZZ99 9ZZ")
    assert not [c for c in cells if any(p in c for p in private)]
    assert "Councillor 001" in cells  # names are there: officers need them


def test_english_and_welsh_services_give_the_same_members(server):
    client, _ = _quick()
    where = f"{server.url}/cardiff/"
    english = fetch_roster("W06000015", where=where, lang="en", client=client)
    welsh = fetch_roster("W06000015", where=where, lang="cy", client=client)
    both = fetch_roster("W06000015", where=where, lang="both", client=client)
    by_id = [r.sort_values("member_id").reset_index(drop=True) for r in (english, welsh, both)]
    for roster in by_id:
        assert roster["member_id"].tolist() == EXPECTED["member_id"].tolist()
        assert _roles(roster) == EXPECTED["roles"].tolist()
        assert roster["job_share"].sum() == 2
    assert set(by_id[1]["ward"]) == {"Adamsdown", "Butetown", "Cathays", "Llandaf", "Pen-y-lan"}
    assert set(by_id[1]["party"]) >= {"Llafur", "Ceidwadwyr"}
    assert by_id[2]["ward"].tolist() == EXPECTED["ward"].tolist()  # both: English names
    assert by_id[1]["portfolio"].dropna().tolist() == [
        "Wasanaethau Cymdeithasol",
        "Wasanaethau Cymdeithasol",
        "Addysg",
        "Cyllid, Moderneiddio a Pherfformiad",
    ]
    assert {p for p, _ in server.requests} == {f"/cardiff/{METHOD}", f"/cardiff/{WELSH}"}


def test_a_welsh_workbook_reads_back(server, tmp_path, capsys):
    out = tmp_path / "rhestr.xlsx"
    assert (
        _members(
            "--council",
            "Caerdydd",
            "--url",
            f"{server.url}/cardiff/",
            "--lang",
            "cy",
            "--out",
            str(out),
            "--delay",
            "0",
        )
        == 0
    )
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames == ["Darllen fi", "Rhestr", "Rhestrau"]
    header = next(book["Rhestr"].iter_rows(values_only=True))
    assert header[:4] == ("Etholiad", "Cyngor", "Ward", "Enw")
    roster = _read(out)
    assert set(roster["council_code"]) == {"W06000015"} and len(roster) == 11
    assert roster["leader"].sum() == 1 and roster["chair_of_council"].sum() == 1


def test_a_saved_reply_needs_no_network(tmp_path, capsys):
    out = tmp_path / "roster.xlsx"
    code = _members(
        "--council", "W06000015", "--xml", str(FIXTURES / "cardiff_en.xml"), "--out", str(out)
    )
    assert code == 0 and len(_read(out)) == 11
    assert read_members(FIXTURES / "cardiff_en_wrapped.xml") == read_members(
        FIXTURES / "cardiff_en.xml"
    )


def _one_line_error(capsys, *argv) -> str:
    code = _members(*argv)
    printed = capsys.readouterr()
    assert code == 2
    lines = printed.err.splitlines()
    assert len(lines) == 1 and "Traceback" not in printed.err
    return lines[0]


@pytest.mark.parametrize(
    "path, said",
    [
        ("nomethod", "no Modern.Gov GetCouncillorsByWard service here (the server answered 500)"),
        ("missing", "no Modern.Gov GetCouncillorsByWard service here (the server answered 404)"),
        ("broken", "the reply is not well-formed XML (line 21, column 30)"),
        ("bomb", "refused: the reply declares a DTD or entities"),
        ("committees", "not a GetCouncillorsByWard reply"),
        ("slow", "no answer within 0.3 s"),
        ("down", "the server answered 503 Service Unavailable"),
    ],
)
def test_bad_replies_give_one_line(server, tmp_path, capsys, path, said):
    out = tmp_path / "roster.xlsx"
    line = _one_line_error(
        capsys,
        "--council",
        "Cardiff",
        "--url",
        f"{server.url}/{path}/",
        "--out",
        str(out),
        "--timeout",
        "0.3",
        "--retries",
        "0",
    )
    assert line.startswith(f"error: Cardiff: {server.url}/{path}/{METHOD}: ")
    assert said in line
    assert not out.exists()


def test_no_service_is_not_retried(server):
    client, waits = _quick(retries=3)
    with pytest.raises(DataError) as info:
        fetch_roster("W06000015", where=f"{server.url}/nomethod", client=client)
    assert info.value.codes == ["moderngov-no-service"]
    assert client.requests == 1 and waits == []


def test_hostile_replies_are_refused(server):
    client, _ = _quick()
    for path in ("bomb", "external"):
        with pytest.raises(DataError) as info:
            fetch_roster("W06000015", where=f"{server.url}/{path}", client=client)
        assert info.value.codes == ["xml-refused"]


def test_a_timeout_is_retried_with_back_off_then_reported(server):
    client, waits = _quick(timeout=0.2, retries=2, backoff=0.5)
    with pytest.raises(HttpError) as info:
        client.get(method_url(f"{server.url}/slow"))
    assert info.value.codes == ["http-timeout"]
    assert str(info.value).endswith("no answer within 0.2 s (gave up after 3 attempts)")
    assert waits == [0.5, 1.0] and client.requests == 3


def test_server_errors_are_retried_until_an_answer(server):
    client, waits = _quick(retries=3, backoff=1.0)
    roster = fetch_roster("W06000015", where=f"{server.url}/flaky", client=client)
    assert len(roster) == 11
    assert waits == [1.0, 2.0] and client.requests == 3


def test_a_reply_over_the_size_cap_is_refused(server):
    client, _ = _quick(max_bytes=1000, retries=2)
    with pytest.raises(HttpError) as info:
        client.get(method_url(f"{server.url}/cardiff"))
    assert info.value.codes == ["http-too-large"] and client.requests == 1


def test_requests_name_the_package_and_wait_their_turn(server):
    clock = iter([0.0, 0.25, 1.0])  # the second request comes 0.25 s after the first
    waits: list[float] = []
    client = Client(Policy(delay=1.0), sleep=waits.append, clock=lambda: next(clock))
    client.get(method_url(f"{server.url}/cardiff"))
    client.get(method_url(f"{server.url}/cardiff", "cy"))
    assert waits == [0.75]
    assert USER_AGENT.startswith("diversity_review/0.1.0 ")
    assert [agent for _, agent in server.requests] == [USER_AGENT, USER_AGENT]


def test_only_web_addresses_are_fetched():
    with pytest.raises(HttpError) as info:
        Client().get("file:///etc/passwd")
    assert info.value.codes == ["http-bad-url"]


def test_all_councils_one_line_each(server, tmp_path, capsys):
    hosts = moderngov_hosts().dropna(subset=["moderngov_host"])
    routes = {f"/{h}/{METHOD}": Reply(body=_xml("cardiff_en.xml")) for h in hosts.moderngov_host}
    routes.pop(f"/{moderngov_host('W06000019') or 'none'}/{METHOD}", None)
    del routes[f"/{moderngov_host('W06000024')}/{METHOD}"]  # Merthyr Tydfil answers 404
    out = tmp_path / "all.xlsx"
    with serve_local(routes) as local:
        code = _members("--all", "--url", local.url + "/{host}/", "--out", str(out), "--delay", "0")
    printed = capsys.readouterr()
    assert code == 2
    assert len(printed.out.splitlines()) == 17 + 1
    assert printed.err.splitlines() == [
        f"error: Merthyr Tydfil: {local.url}/democracy.merthyr.gov.uk/{METHOD}: no Modern.Gov "
        "GetCouncillorsByWard service here (the server answered 404); check the host, or use "
        "--xml with a saved reply"
    ]
    with pytest.warns(DataWarning):
        roster = load_roster(out)
    assert roster["council_code"].nunique() == 17 and len(roster) == 17 * 11


def test_all_with_a_url_must_say_where_each_host_goes(capsys, tmp_path):
    line = _one_line_error(
        capsys, "--all", "--url", "http://127.0.0.1:9/", "--out", str(tmp_path / "x.xlsx")
    )
    assert line == "error: with --all, --url must hold {host} (each council's host)"


def test_service_addresses():
    assert service_url("democracy.npt.gov.uk") == "https://democracy.npt.gov.uk/mgWebService.asmx"
    assert service_url("https://h.example/mgWebService.asmx", "cy") == (
        "https://h.example/mgWebServiceW.asmx"
    )
    assert service_url(f"http://127.0.0.1:8/x/{METHOD}") == "http://127.0.0.1:8/x/mgWebService.asmx"
    assert method_url("h.example/sub/") == f"https://h.example/sub/{METHOD}"


def test_the_registry_knows_18_hosts_none_verified():
    hosts = moderngov_hosts()
    assert len(hosts) == 22 and hosts["moderngov_host"].notna().sum() == 18
    assert not hosts["moderngov_verified"].any()
    missing = set(hosts.loc[hosts["moderngov_host"].isna(), "name_en"])
    assert missing == {"Ceredigion", "Blaenau Gwent", "Rhondda Cynon Taf", "Vale of Glamorgan"}
    assert moderngov_host("W06000023") == "powys.moderngov.co.uk"
    assert "moderngov_host" not in councils().columns  # councils() keeps its columns
