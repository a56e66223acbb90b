"""Issue 13, end to end: a real verify command prints every secret shape; none reaches the state
file, ``check --json --output``, the JUnit file, the report or the history. Secrets in the command
text itself are stored redacted. Fakes are built at run time (no secret-looking literals in the repo)."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core.gates.runner import run_command
from readiness_tui.core.gates.state import state_path

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def rand(alphabet: str, n: int, seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(alphabet) for _ in range(n))


ALNUM = B64[:62]
GH = "ghp_" + rand(ALNUM, 36, 1)
AWS_ID = "AKIA" + rand(B64[:26] + "234567", 16, 2)
AWS_SECRET = rand(B64, 40, 3)
SESSION = rand(B64, 120, 4)
HEX_KEY = rand("0123456789abcdef", 64, 5)
B64_KEY = rand(B64, 44, 6) + "="
DB_PW = "Pg" + rand(ALNUM, 14, 7)
AZURE = rand(B64, 86, 8) + "=="
SPLIT = "ghp_" + rand(ALNUM, 36, 9)
ANSI_TOK = "ghp_" + rand(ALNUM, 36, 10)
PEM_BODY = [rand(B64, 64, 100 + i) for i in range(40)]
SLACK = "xox" + "b-" + rand("0123456789", 11, 11) + "-" + rand(ALNUM, 24, 12)
CMD_BEARER = rand(ALNUM, 32, 13)
CMD_PW = "Cmd" + rand(ALNUM, 13, 14)
CMD_GH = "ghp_" + rand(ALNUM, 36, 15)
# Issue 40: a token split so that its second half (22 characters) stands alone on its line, and
# credentials in the command: curl -u, a URL's password, an API key header, a short Bearer.
LONE = rand(ALNUM, 40, 16)
CMD_USER_PW = "CmdPassw0rd" + rand(ALNUM, 6, 17)
CMD_URL_PW = "Url" + rand(ALNUM, 10, 18)
CMD_API_KEY = "k" + rand(ALNUM, 9, 19)
CMD_SHORT_BEARER = "b" + rand(ALNUM, 7, 20)

# Whole secrets and the pieces a partial leak would leave (halves of the split token, key lines).
SECRETS = [
    GH,
    AWS_ID,
    AWS_SECRET,
    SESSION,
    HEX_KEY,
    B64_KEY.rstrip("="),
    DB_PW,
    AZURE.rstrip("="),
    SPLIT[:20],
    SPLIT[20:],
    ANSI_TOK[2:],
    SLACK,
    CMD_BEARER,
    CMD_PW,
    CMD_GH,
    LONE[18:],
    CMD_USER_PW,
    CMD_URL_PW,
    CMD_API_KEY,
    CMD_SHORT_BEARER,
    *PEM_BODY,
]


def _script() -> str:
    """A Python program printing each shape; the PEM key straddles the 64 KiB output cap."""
    lines = [
        f"export GITHUB_TOKEN={GH}",
        json.dumps({"Credentials": {"AccessKeyId": AWS_ID, "SecretAccessKey": AWS_SECRET, "SessionToken": SESSION}}),
        f"{AWS_ID} {AWS_SECRET}",
        f"derived {HEX_KEY}",
        f"material {B64_KEY}",
        f"DB_PASS={DB_PW}",
        f"mysql --password {DB_PW} -h db",
        f"DefaultEndpointsProtocol=https;AccountName=a;AccountKey={AZURE};EndpointSuffix=x",
        SPLIT[:20],
        SPLIT[20:],
        "gh\x1b[0m" + ANSI_TOK[2:],
        f"slack {SLACK}",
        f"api key (wrapped): {LONE[:18]}",
        LONE[18:],
    ]
    pem = "\n".join(["-----BEGIN " + "RSA PRIVATE KEY-----", *PEM_BODY, "-----END " + "RSA PRIVATE KEY-----"])
    # head half of the cap is 32 KiB: filler so that the BEGIN line lands in the cut-away middle
    return (
        "import sys\n"
        f"lines = {lines!r}\n"
        "print('\\n'.join(lines))\n"
        "print('x' * 70 + '\\n') \n"
        "for i in range(900): print('filler line %05d ' % i + 'y' * 60)\n"
        f"sys.stdout.write({pem!r} + '\\n')\n"
        "print('done')\n"
        "sys.exit(3)\n"
    )


@pytest.fixture
def board(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / "leak.py").write_text(_script())
    cmd = (
        f"{sys.executable} leak.py --header 'Authorization: Bearer {CMD_BEARER}' --password={CMD_PW} --token {CMD_GH}"
        f" -u admin:{CMD_USER_PW} https://deploy:{CMD_URL_PW}@example.invalid/x -H 'X-Api-Key: {CMD_API_KEY}'"
        f" -H 'Authorization: Bearer {CMD_SHORT_BEARER}'"
    )
    (root / "board.toml").write_text(
        '[board]\ntitle = "Leaks"\ntoday = 2026-02-20\n\n'
        '[[items]]\nid = "L-1"\ntitle = "Leaky"\nstatus = "in_progress"\npriority = "P0"\n'
        f"[items.gate]\nverify = {json.dumps(cmd)}\n"
    )
    return root / "board.toml"


def _assert_clean(name: str, text: str) -> None:
    leaked = [s for s in SECRETS if s in text]
    assert not leaked, f"{name} leaks {leaked[:3]}"


def test_nothing_printed_or_in_the_command_leaks(board: Path, tmp_path: Path) -> None:
    junit = tmp_path / "junit.xml"
    res = CliRunner().invoke(cli, ["check", str(board), "--trust", "--json", "--output", "--junit", str(junit)])
    assert res.exit_code == 1, res.output
    doc = json.loads(res.stdout)
    gate = doc["gates"][0]
    assert gate["exit_code"] == 3 and "done" in gate["output"]  # it ran and its output was kept
    assert "filler line 00000" in gate["output"] and gate["output_truncated"]
    state = state_path(board).read_text()
    for name, text in (
        ("check --json", res.stdout),
        ("state file", state),
        ("junit", junit.read_text()),
        ("check table", CliRunner().invoke(cli, ["check", str(board)]).stdout),
    ):
        _assert_clean(name, text)
        # Each place that keeps the command or its output shows the redaction; the table shows neither.
        assert ("[REDACTED:" in text) is (name != "check table"), name
    # The app: the Gates pane's detail and the item's detail show the command redacted too.
    from readiness_tui.core.analysis.analyze import Analysis
    from readiness_tui.core.board.store import BoardStore
    from readiness_tui.core.gates import GateSession
    from readiness_tui.ui.widgets.gate_text import gate_detail
    from readiness_tui.ui.widgets.item_text import ItemText

    store = BoardStore.load(board)
    session = GateSession(board, store.board)
    shown = gate_detail(session.views()["L-1"], 0.0).plain
    assert "leak.py" in shown
    _assert_clean("gates pane", shown)
    item = ItemText()
    item.gate_session = session
    detail = item._markup(store.item("L-1"), store, Analysis(store.board))
    assert "leak.py" in detail
    _assert_clean("item detail", detail)
    # the stored command is redacted, and the state still knows it is the same command (not stale)
    assert "[REDACTED:" in json.loads(state)["results"]["L-1"]["command"]
    again = json.loads(CliRunner().invoke(cli, ["check", str(board), "--json"]).stdout)
    assert again["gates"][0]["status"] == "untrusted"


def test_report_and_history_never_carry_output(board: Path) -> None:
    CliRunner().invoke(cli, ["check", str(board), "--trust"])
    assert CliRunner().invoke(cli, ["set", str(board), "L-1", "status=blocked"]).exit_code == 0
    for fmt in ("md", "json"):
        res = CliRunner().invoke(cli, ["report", str(board), "--format", fmt])
        assert res.exit_code == 0, res.output
        _assert_clean(f"report {fmt}", res.stdout)
        assert "filler line" not in res.stdout
    history = board.with_name("board.history.jsonl")
    assert history.exists()
    text = history.read_text()
    assert "filler line" not in text and "SecretAccessKey" not in text
    # the command is part of the board, so history records it only as the board does: not its output
    for in_board in (CMD_BEARER, CMD_PW, CMD_GH, CMD_USER_PW, CMD_URL_PW, CMD_API_KEY, CMD_SHORT_BEARER):
        text = text.replace(in_board, "")
    _assert_clean("history", text)


def test_pem_block_cut_by_the_cap_is_dropped_whole(tmp_path: Path) -> None:
    pem = "\n".join(["-----BEGIN " + "PRIVATE KEY-----", *PEM_BODY, "-----END " + "PRIVATE KEY-----"])
    # An 8 KiB cap keeps 4 KiB of head and of tail; the key is ~2.7 KiB, lines of padding are 10 bytes.
    # "tail": its BEGIN line is in the cut middle, its END in the tail; "head": the other way round.
    for where, before, after in (("tail", 500, 200), ("head", 300, 500)):
        script = tmp_path / f"pem_{where}.py"
        script.write_text(
            f"for i in range({before}): print('pad %05d' % i)\n"
            f"print({pem!r})\n"
            f"for i in range({after}): print('end %05d' % i)\n"
        )
        res = run_command(f"{sys.executable} {script.name}", tmp_path, cap=8 * 1024)
        # the output around the key survives: the cap's head start and tail end
        assert "pad 00000" in res.output and f"end {after - 1:05d}" in res.output, where
        assert "PRIVATE KEY" not in res.output
        assert res.truncated
        _assert_clean(f"cap {where}", res.output)
        assert not any(line[:20] in res.output for line in PEM_BODY)
