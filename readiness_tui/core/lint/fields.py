"""Rules about an item's field values: scores against the board's scoring model, the fields the
board requires, and targets that have passed."""

from __future__ import annotations

from readiness_tui.core.lint.context import LintContext, reports


def scores(ctx: LintContext) -> None:
    scoring = ctx.board.board.scoring
    factor_keys = {f.key for f in scoring.factors} if scoring else set()
    for it in ctx.analysis.items.values():
        if it.score_factors:
            if scoring is None:
                message = "has score_factors but the board defines no [board.scoring]"
                ctx.item("warning", "score-without-model", it.id, message, "score_factors")
            else:
                for k, v in it.score_factors.items():
                    if k not in factor_keys:
                        message = f"score factor {k!r} is not one of {', '.join(sorted(factor_keys))}"
                        ctx.item("error", "unknown-score-factor", it.id, message, "score_factors")
                    elif not scoring.min <= v <= scoring.max:
                        message = f"score factor {k} = {v} is outside {scoring.min}..{scoring.max}"
                        ctx.item("error", "score-out-of-range", it.id, message, "score_factors")
            total = sum(it.score_factors.values())
            if it.score is not None and it.score != total:
                message = f"recorded score {it.score} but its factors sum to {total}"
                ctx.item("warning", "score-mismatch", it.id, message, "score")
        elif scoring is not None and it.score is not None and scoring.factors and it.score > scoring.max_total:
            message = f"score {it.score} exceeds the maximum {scoring.max_total}"
            ctx.item("error", "score-out-of-range", it.id, message, "score")


@reports("warning")
def required_fields(ctx: LintContext) -> None:
    rules = ctx.board.board.rules
    for it in ctx.analysis.items.values():
        if rules.require_fields_kinds and it.kind not in rules.require_fields_kinds:
            continue
        for f in rules.require_fields:
            if not getattr(it, f, None) and not it.custom.get(f):
                ctx.item("warning", "missing-field", it.id, f"has no {f} (the board requires it)", f)


@reports("warning")
def overdue(ctx: LintContext) -> None:
    for item_id in ctx.analysis.overdue:
        item = ctx.analysis.items[item_id]
        # A week's target names its last day; a date is its own, and saying it twice told nothing.
        due = f" (due {item.due})" if str(item.due) != item.target else ""
        message = f"target {item.target}{due} passed (today is {ctx.analysis.today}) and it is {item.status}"
        ctx.item("warning", "overdue", item_id, message, "target")
