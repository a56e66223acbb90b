"""Secrets redacted from captured output, tested with real-looking fakes built at run time."""

from __future__ import annotations

import re

import pytest

from readiness_tui.core.gates import redact

GH = "ghp_" + "Zx9Qw3Er5Ty7Ui1Op4As6Df8Gh2Jk0Lm3Nb5V"
GH_FINE = "github_pat_" + "11ABCDEFG0" + "x" * 30 + "_" + "Y7" * 15
AWS = "AKIA" + "QX7Z3KJ4T2LWNB6P"
SLACK = "xoxb-" + "1234567890-0987654321-" + "AbCdEfGhIjKlMnOpQrStUvWx"
JWT = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
    + "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ."
    + "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
)
PEM = (
    "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq9xq3Jz0Z\nl1M2n3o4p5q6r7s8t9u0v==\n"
    "-----END RSA PRIVATE KEY-----"
)


@pytest.mark.parametrize(
    "text, secret",
    [
        (f"export GITHUB_TOKEN={GH}", GH),
        (f"using {GH_FINE} for the API", GH_FINE),
        (f"aws_access_key_id = {AWS}", AWS),
        (f"slack {SLACK} posted", SLACK),
        (f"Authorization: Bearer {JWT}", JWT),
        ("Authorization: Bearer abcdefghijklmnop1234", "abcdefghijklmnop1234"),
        (f"session={JWT}", JWT),
        (f"key:\n{PEM}\ndone", "MIIEowIBAAKCAQEA7bq9xq3Jz0Z"),
        ("password=hunter2-prod", "hunter2-prod"),
        ("DB_PASSWORD: 'c0rrect horse'", "c0rrect horse"),
        ('{"api_key": "sk_live_4eC39HqLyjWDarjtT1zdp7dc"}', "sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
        ("client_secret=Yx7-ab.cd_ef", "Yx7-ab.cd_ef"),
        ("--token=abc123def456", "abc123def456"),
        ("postgres://app:S3cretPass@db.internal:5432/app", "S3cretPass"),
        ("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
    ],
)
def test_secret_is_redacted(text: str, secret: str) -> None:
    out = redact(text)
    assert secret not in out
    assert "[REDACTED:" in out


def test_surrounding_text_is_kept() -> None:
    out = redact(f"step 1 ok\nexport GITHUB_TOKEN={GH}\nstep 2 ok")
    assert out.splitlines()[0] == "step 1 ok" and out.splitlines()[2] == "step 2 ok"
    assert out.splitlines()[1].startswith("export GITHUB_TOKEN=")


def test_private_key_cut_short_is_redacted_to_the_end() -> None:
    out = redact("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n")
    assert "MIIEvQ" not in out


def test_ordinary_output_is_untouched() -> None:
    text = "collected 12 items\n12 passed in 0.3s\npassword policy: ok\ntokens: 5\n"
    assert redact(text) == text


def test_redacting_twice_changes_nothing() -> None:
    once = redact(f"password={GH}")
    assert redact(once) == once


# --- the shapes issue 13 found missed; fakes are built at run time so the repo holds no literal --------


def _rand(alphabet: str, n: int, seed: int) -> str:
    import random

    rng = random.Random(seed)
    return "".join(rng.choice(alphabet) for _ in range(n))


B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
AWS_SECRET = _rand(B64, 40, 1)
HEX_KEY = _rand("0123456789abcdef", 64, 2)
B64_KEY = _rand(B64, 44, 3)
AZURE_KEY = _rand(B64, 86, 4) + "=="
DB_PW = "Pg" + _rand(B64[:62], 14, 5)
GH_LONG = "ghp_" + _rand(B64[:62], 36, 6)
PEM_BODY = [_rand(B64, 64, 10 + i) for i in range(40)]
PEM_FULL = "\n".join(["-----BEGIN " + "RSA PRIVATE KEY-----", *PEM_BODY, "-----END " + "RSA PRIVATE KEY-----"])

NEW_SHAPES = {
    "aws-json": (
        f'{{"Credentials": {{"AccessKeyId": "ASIA{_rand(B64[:26], 16, 7)}", '
        f'"SecretAccessKey": "{AWS_SECRET}", "SessionToken": "{B64_KEY}"}}}}',
        [AWS_SECRET, B64_KEY],
    ),
    "aws-bare": (f"aws_access_key_id {AWS}\n{AWS_SECRET}\n", [AWS_SECRET]),
    "hex": (f"derived key {HEX_KEY} loaded", [HEX_KEY]),
    "base64": (f"key material: {B64_KEY}", [B64_KEY]),
    "db-pass": (f"DB_PASS={DB_PW}", [DB_PW]),
    "password-space": (f"mysql --user app --password {DB_PW} -h db", [DB_PW]),
    "azure": (
        f"DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={AZURE_KEY};EndpointSuffix=core",
        [AZURE_KEY],
    ),
    "split": (f"token part:\n{GH_LONG[:20]}\n{GH_LONG[20:]}\nnext", [GH_LONG[:20], GH_LONG[20:]]),
    "ansi": ("gh\x1b[0m" + GH_LONG[2:] + " printed", [GH_LONG[2:], GH_LONG[6:]]),
}


@pytest.mark.parametrize("name", sorted(NEW_SHAPES))
def test_issue_13_shape_is_redacted(name: str) -> None:
    text, secrets = NEW_SHAPES[name]
    out = redact(text)
    for secret in secrets:
        assert secret not in out, (name, out)
    assert "[REDACTED:" in out


def test_ansi_escapes_are_stripped_and_text_kept() -> None:
    assert redact("\x1b[32mPASSED\x1b[0m 3 tests\r\n") == "PASSED 3 tests\n"
    assert redact("safe\rmake test") == "safe\nmake test"


def test_plain_digests_are_kept() -> None:
    sha = _rand("0123456789abcdef", 40, 20)
    digest = _rand("0123456789abcdef", 64, 21)
    for text in (
        f'{{"commit": "{sha}"}}',
        f"commit {sha}",
        f"{digest}  dist/app.tar.gz",
        f"sha256: {digest}",
        f"image@sha256:{digest}",
        f"HEAD is now at {sha}",
    ):
        assert redact(text) == text, text


def test_rev_list_lines_are_not_joined_into_a_secret() -> None:
    shas = "\n".join(f"commit {_rand('0123456789abcdef', 40, 30 + i)}" for i in range(3)) + "\n"
    assert redact(shas) == shas


def test_paths_and_identifiers_are_not_high_entropy() -> None:
    text = (
        "tests/core/test_gates_redact.py::test_issue_13_shape_is_redacted[aws-json] PASSED\n"
        "/usr/lib/python3.11/site-packages/readiness_tui/core/gates/redact.py\n"
    )
    assert redact(text) == text


def test_each_rule_fires() -> None:
    from readiness_tui.core.gates.redact import rules

    samples = {
        "private-key": PEM_FULL,
        "github-token": GH_LONG,
        "gitlab-token": "glpat-" + _rand(B64[:62], 20, 40),
        "aws-access-key": AWS,
        "slack-token": SLACK,
        "slack-webhook": "https://hooks.slack.com/services/T0/B1/x",
        "openai-key": "sk-" + _rand(B64[:62], 24, 41),
        "stripe-key": "sk_" + "live_" + _rand(B64[:62], 24, 42),
        "google-api-key": "AIza" + _rand(B64[:62], 35, 43),
        "npm-token": "npm_" + _rand(B64[:62], 36, 44),
        "jwt": JWT,
        "bearer": "Bearer abcdefghijklmnop",
        "basic-auth": "Basic dXNlcjpwYXNzd29yZA==",
        "url-password": "https://u:pw1234@host/",
        "user-password": "curl -u admin:CmdPassw0rd",
        "authorization": "-H 'Authorization: Bearer abc123'",
        "secret-flag": f"--password {DB_PW}",
        "secret-value": f"password={DB_PW}",
        "high-entropy": HEX_KEY,
    }
    assert {r.kind for r in rules()} == set(samples)
    for kind, sample in samples.items():
        assert f"[REDACTED:{kind}]" in redact(f"out: {sample} end"), kind


def test_key_body_without_begin_line_is_redacted() -> None:
    tail = "\n".join(PEM_BODY[5:]) + "\n-----END " + "RSA PRIVATE KEY-----\nafter\n"
    out = redact(tail)
    assert not any(line in out for line in PEM_BODY[5:])
    assert out.endswith("after\n")


# ---------------------------------------------------------------------- issue 40: both sides
LONE_TOKENS = [_rand(B64[:62], n, 60 + n) for n in (20, 22, 26, 31)]


@pytest.mark.parametrize("token", LONE_TOKENS)
def test_a_random_token_alone_on_its_line_is_redacted(token: str) -> None:
    # e.g. the second half of a token whose first half shares a line with other text
    text = f"api key (wrapped): {token[:9]} and more\n  {token}  \nok\n"
    assert redact(text) == "api key (wrapped): " + token[:9] + " and more\n  [REDACTED:high-entropy]  \nok\n"


@pytest.mark.parametrize(
    "command, secret",
    [
        ("curl -u admin:CmdPassw0rd https://api.example.invalid/health", "CmdPassw0rd"),
        ("curl --user=admin:CmdPassw0rd https://api.example.invalid/", "CmdPassw0rd"),
        ("curl --proxy-user ops:Pr0xyPw https://x.invalid/", "Pr0xyPw"),
        ("curl https://deploy:UrlPw99@example.invalid/x", "UrlPw99"),
        ("deploy --password=hunter22 --yes", "hunter22"),
        ("deploy --password hunter22 --yes", "hunter22"),
        ("curl -H 'Authorization: Bearer abc123' https://x.invalid/", "abc123"),
        ('curl -H "Authorization: Basic YWRtaW46cHc=" https://x.invalid/', "YWRtaW46cHc="),
        ("curl -H 'X-Api-Key: k3y9' https://x.invalid/", "k3y9"),
    ],
)
def test_credentials_in_a_verify_command_are_redacted(command: str, secret: str) -> None:
    out = redact(command)
    assert secret not in out
    # only the secret went: put it back where the mark is and the command is whole again
    assert re.sub(r"\[REDACTED:[a-z-]+\]", secret, out, count=1) == command


@pytest.mark.parametrize(
    "text",
    [
        "ConfigurationManager\n",
        "TestSuiteResults2024\n",
        "Release2026Q1Checklist\n",
        "readiness_tui_core_gates\n",
        "src/readiness_tui/core/gates/redact.py\n",
        "ALL_TESTS_PASSED_2026\n",
        "2026-02-20T09:00:00Z\n",
        "request id 123e4567-e89b-12d3-a456-426614174000 done\n",
        "cache at /home/u/.cache/ab/3f9a8c7d6e5f4a3b2c1d0e9f8a7b6c5d/entry.bin\n",
        "short tok Xk9pQ2mZ7v\n",
        "docker run -u 1000:1000 app:latest\n",
        "make test -j4 PROFILE=ci\n",
    ],
)
def test_words_paths_ids_and_short_values_are_kept(text: str) -> None:
    assert redact(text) == text
