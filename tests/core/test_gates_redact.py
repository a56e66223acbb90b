"""Secrets redacted from captured output, tested with real-looking fakes built at run time."""

from __future__ import annotations

import pytest

from readiness_tui.core.gates import redact

GH = "ghp_" + "Zx9Qw3Er5Ty7Ui1Op4As6Df8Gh2Jk0Lm3Nb5V"
GH_FINE = "github_pat_" + "11ABCDEFG0" + "x" * 30 + "_" + "Y7" * 15
AWS = "AKIA" + "QX7Z3KJ4T2LWNB6P"
SLACK = "xoxb-" + "1234567890-0987654321-" + "AbCdEfGhIjKlMnOpQrStUvWx"
JWT = ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ."
       + "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")
PEM = ("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq9xq3Jz0Z\nl1M2n3o4p5q6r7s8t9u0v==\n"
       "-----END RSA PRIVATE KEY-----")


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
