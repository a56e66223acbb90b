"""--merge: a revised document updates what came from the document and keeps what was edited since."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.importers import import_markdown, merge_into

PLAN = """# Launch

## Tasks

| ID | Task | Owner | Depends on | Status | Effort |
|---|---|---|---|---|---|
| T-1 | Design | Ann | - | todo | 2d |
| T-2 | Build | Bob | T-1 | todo | 3d |
| T-3 | Ship | Cy | T-2 | todo | 1d |

## Risks

- R-1 -> T-2
"""


def _board(tmp_path: Path, text: str = PLAN) -> BoardStore:
    result = import_markdown(text, "plan.md")
    path = tmp_path / "board.toml"
    path.write_text(result.toml_text, encoding="utf-8")
    return BoardStore.load(path)


def test_document_changes_are_applied_and_board_edits_kept(tmp_path: Path) -> None:
    store = _board(tmp_path)
    store.set_fields("T-1", {"status": "done", "owner": "Dana"})  # edited in the app
    store.save()
    revised = PLAN.replace(
        "| T-1 | Design | Ann | - | todo | 2d |", "| T-1 | Design | Eve | - | in progress | 2d |"
    ).replace("| T-2 | Build | Bob | T-1 | todo | 3d |", "| T-2 | Build it | Bob | T-1 | todo | 5d |")
    store = BoardStore.load(tmp_path / "board.toml")
    changes = merge_into(store, import_markdown(revised, "plan.md"))
    t1, t2 = store.item("T-1"), store.item("T-2")
    assert (t1.status, t1.owner) == ("done", "Dana")  # kept
    assert (t2.title, t2.estimate_days) == ("Build it", 5)  # updated
    text = "\n".join(changes)
    assert "T-1.owner: kept the board's 'Dana'" in text
    assert "T-1.status: kept the board's 'done'" in text
    assert "T-2.estimate_days: 3.0 -> 5.0" in text
    store.save()
    # A second merge of the same document changes nothing and keeps the edits.
    store = BoardStore.load(tmp_path / "board.toml")
    assert [c for c in merge_into(store, import_markdown(revised, "plan.md")) if "kept" not in c] == []
    assert store.item("T-1").owner == "Dana"


def test_unedited_fields_follow_the_document(tmp_path: Path) -> None:
    store = _board(tmp_path)
    revised = PLAN.replace("| T-3 | Ship | Cy | T-2 | todo | 1d |", "| T-3 | Ship | Cy | T-1 | done | 1d |")
    changes = merge_into(store, import_markdown(revised, "plan.md"))
    assert store.item("T-3").status == "done"
    assert store.item("T-3").depends_on == ["T-1"]
    assert any(c.startswith("T-3.status: 'todo' -> 'done'") for c in changes)


def test_new_items_added_gone_items_reported_not_deleted(tmp_path: Path) -> None:
    store = _board(tmp_path)
    store.add_item({"id": "X-1", "title": "made in the app"})
    revised = PLAN.replace("| T-3 | Ship | Cy | T-2 | todo | 1d |\n", "| T-4 | Docs | Di | T-2, T-9 | todo | 1d |\n")
    revised = revised.replace("- R-1 -> T-2", "- R-1 -> T-2, T-4\n- R-2 -> T-4")
    changes = merge_into(store, import_markdown(revised, "plan.md"))
    ids = [i.id for i in store.board.items]
    assert "T-3" in ids and "X-1" in ids  # never deleted
    assert store.item("T-4").depends_on == ["T-2", "T-9"]
    assert ids.index("T-4") == ids.index("T-2") + 1  # placed after its predecessor in the document
    text = "\n".join(changes)
    assert "T-3: no longer in the document" in text
    assert "X-1" not in text  # items made in the app are not the document's business
    assert "T-4: added" in text
    risks = {r.id: r.mitigated_by for r in store.board.risks}
    assert risks == {"R-1": ["T-2", "T-4"], "R-2": ["T-4"]}
    # The result still loads and keeps the source comments of the untouched items.
    out = store.text()
    BoardStore.from_text(out)
    assert "# from plan.md line 7" in out


def test_board_comments_survive_a_merge(tmp_path: Path) -> None:
    store = _board(tmp_path)
    path = tmp_path / "board.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('id = "T-2"', '# keep me\nid = "T-2"'), encoding="utf-8")
    store = BoardStore.load(path)
    merge_into(store, import_markdown(PLAN.replace("| 3d |", "| 4d |"), "plan.md"))
    assert "# keep me" in store.text()
    assert store.item("T-2").estimate_days == 4


def test_merge_into_a_hand_made_board_without_import_records(tmp_path: Path) -> None:
    path = tmp_path / "hand.toml"
    path.write_text(
        '[board]\ntitle = "x"\n\n[[items]]\nid = "T-1"\ntitle = "Design"\nstatus = "review"\nowner = ""\n',
        encoding="utf-8",
    )
    store = BoardStore.load(path)
    changes = merge_into(store, import_markdown(PLAN, "plan.md"))
    t1 = store.item("T-1")
    assert t1.status == "review"  # not the default: someone set it
    assert t1.owner == "Ann"  # empty: filled from the document
    assert any("T-2: added" in c for c in changes)


@pytest.mark.parametrize("seed", ["002", "003"])
def test_merging_a_seed_into_its_own_import_changes_nothing(tmp_path: Path, seed: str) -> None:
    seeds = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
    text = next(seeds.glob(f"{seed}_*.txt")).read_text(encoding="utf-8")
    store = _board(tmp_path, text)
    before = store.text()
    assert merge_into(store, import_markdown(text, "plan.md")) == []
    assert store.text() == before


def test_gate_and_custom_fields_merge_field_by_field(tmp_path: Path) -> None:
    plan = """# P

| ID | Title | Verify | Evidence | Why now |
|---|---|---|---|---|
| G-1 | Gate me | `make a` | `out/a/` | soon |
| G-2 | And me | `make b` | `out/b/` | later |
"""
    store = _board(tmp_path, plan)
    store.set_fields("G-1", {"gate.verify": "make a --strict"})  # edited in the app
    revised = plan.replace("`make a` | `out/a/` | soon", "`make a2` | `out/a2/` | now").replace("`make b`", "`make b2`")
    changes = merge_into(store, import_markdown(revised, "plan.md"))
    g1, g2 = store.item("G-1"), store.item("G-2")
    assert g1.gate is not None and g2.gate is not None
    assert g1.gate.verify == "make a --strict"  # kept
    assert g1.gate.evidence == ["out/a2/"] and g1.custom["why_now"] == "now"  # updated
    assert g2.gate.verify == "make b2"
    assert any(c.startswith("G-1.gate.verify: kept the board's") for c in changes)
    assert "G-1.custom.why_now: 'soon' -> 'now'" in changes
    BoardStore.from_text(store.text())


def _legacy_form(text: str) -> str:
    """The board as imports before the compact fingerprint wrote it: an ``[items.imported]`` sub-table of values."""
    import json
    import re

    from readiness_tui.core.importers.assembly.result import decode_fingerprints, legacy_fingerprint

    board = BoardStore.from_text(text, "b.toml").board
    out = []
    items = iter(board.items)
    for chunk in re.split(r"(?m)^(?=\[\[items\]\])", text):
        m = re.search(r"(?m)^imported = \{.*\}\n", chunk)
        if not m:
            out.append(chunk)
            continue
        it = next(i for i in items if f'id = "{i.id}"' in chunk)
        dump = it.model_dump(mode="json")
        keys = list(decode_fingerprints(it.imported)) + ["kind"]  # the old form listed defaults too
        body = "".join(f"{k} = {json.dumps(legacy_fingerprint(dump.get(k)))}\n" for k in keys)
        out.append(chunk.replace(m.group(0), "\n[items.imported]\n" + body + "\n"))  # PLAN's items have no sub-tables
    return "".join(out)


def test_the_fingerprint_is_one_short_line_per_item(tmp_path: Path) -> None:
    from readiness_tui.core.importers.assembly.result import decode_fingerprints, fingerprint

    text = import_markdown(PLAN, "plan.md").toml_text
    assert "[items.imported]" not in text
    lines = [ln for ln in text.splitlines() if ln.startswith("imported = {")]
    assert len(lines) == 3
    t2 = next(i for i in BoardStore.from_text(text, "b.toml").board.items if i.id == "T-2")
    fps = decode_fingerprints(t2.imported)
    # Fields at the model's default (kind "task", status "todo") need no fingerprint; the others have 4 characters.
    assert set(fps) == {"title", "owner", "estimate_days", "depends_on"}
    assert fps["owner"] == fingerprint("Bob") and len(fps["owner"]) == 4
    assert fps["depends_on"] == fingerprint(["T-1"])


def test_a_board_with_the_old_fingerprint_form_still_merges(tmp_path: Path) -> None:
    legacy = _legacy_form(import_markdown(PLAN, "plan.md").toml_text)
    assert "[items.imported]" in legacy and 'status = "todo"' in legacy.split("[items.imported]")[1]
    path = tmp_path / "board.toml"
    path.write_text(legacy, encoding="utf-8")
    store = BoardStore.load(path)
    store.set_fields("T-1", {"owner": "Dana"})  # edited in the app
    store.save()
    store = BoardStore.load(path)
    revised = PLAN.replace("| T-1 | Design | Ann | - | todo |", "| T-1 | Design | Eve | - | in progress |")
    changes = "\n".join(merge_into(store, import_markdown(revised, "plan.md")))
    assert store.item("T-1").owner == "Dana"  # edited since: kept
    assert store.item("T-1").status == "in_progress"  # unedited (legacy value matched): updated
    assert "T-1.owner: kept the board's 'Dana'" in changes
    assert "T-2" not in changes  # unchanged items stay quiet with the old form too
    store.save()
    from readiness_tui.core.importers.assembly.result import decode_fingerprints, fingerprint

    t1 = BoardStore.load(path).item("T-1")
    assert list(t1.imported) == ["fp"]  # rewritten in the compact form
    assert decode_fingerprints(t1.imported)["status"] == fingerprint("in_progress")


def generated_plan(n: int) -> str:
    """A Markdown table of ``n`` items from the benchmark's synthetic board (ids, owners, priorities, deps)."""
    from readiness_tui.bench.generate import generate_board_text

    board = BoardStore.from_text(generate_board_text(n), "gen.toml").board
    rows = [
        "# Generated plan",
        "",
        "| ID | Title | Owner | Priority | Status | Depends on |",
        "|---|---|---|---|---|---|",
    ]
    rows += [
        f"| {i.id} | {i.title} | {i.owner or ''} | {i.priority or ''} | {i.status} | {', '.join(i.depends_on)} |"
        for i in board.items
    ]
    return "\n".join(rows) + "\n"


def fingerprint_overhead(text: str) -> float:
    """How much larger the board text is for its ``imported`` lines (0.3 = 30%)."""
    bare = "\n".join(ln for ln in text.split("\n") if not ln.startswith("imported = {"))
    return (len(text.encode()) - len(bare.encode())) / len(bare.encode())


def test_the_fingerprint_costs_under_28_percent_of_the_board() -> None:
    # The sub-table form cost ~70% on this plan, 6 hex digits per field ~30.5%, 4 base64 characters ~26%
    # (at 10,000 items too; figures in the README's import section).
    text = import_markdown(generated_plan(300), "PLAN.md").toml_text
    assert 0 < fingerprint_overhead(text) < 0.28


def test_a_board_with_the_six_hex_fingerprints_still_merges(tmp_path: Path) -> None:
    # Boards imported before the base64 form kept the same 24-bit digests as 6 hex digits.
    import base64
    import re

    text = import_markdown(PLAN, "plan.md").toml_text

    def to_hex(m: re.Match[str]) -> str:
        return m.group(1) + ":" + base64.urlsafe_b64decode(m.group(2)).hex()

    old = re.sub(r"(?<=[\" ])([a-z-]+):([A-Za-z0-9_-]{4})(?=[\" ])", to_hex, text)
    assert old != text and re.search(r'fp = "t:[0-9a-f]{6} ', old)
    path = tmp_path / "board.toml"
    path.write_text(old, encoding="utf-8")
    store = BoardStore.load(path)
    store.set_fields("T-1", {"owner": "Dana"})
    store.save()
    store = BoardStore.load(path)
    revised = PLAN.replace("| T-1 | Design | Ann | - | todo |", "| T-1 | Design | Eve | - | in progress |")
    revised = revised.replace("| T-2 | Build | Bob |", "| T-2 | Build | Bo |")
    changes = "\n".join(merge_into(store, import_markdown(revised, "plan.md")))
    assert store.item("T-1").owner == "Dana" and "T-1.owner: kept the board's 'Dana'" in changes
    # Unedited since the import (its hex fingerprint matches): the plan's new value is taken.
    assert store.item("T-2").owner == "Bo", changes
