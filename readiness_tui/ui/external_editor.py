"""Long text in the user's editor (``core.edits.external``: ``$VISUAL``, ``$EDITOR``, then
``editor``, ``vi``, ``nano`` as git does): the app is suspended while it runs."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from textual.app import App

from readiness_tui.core.edits.external import NO_EDITOR, editor_command


def edit_text(app: App[object], text: str, prefix: str = "readiness-") -> str | None:
    """``text`` as the user left it in their editor; None (and a notification) when no editor is
    set or it could not run."""
    editor = editor_command()
    if editor is None:
        app.notify(NO_EDITOR, severity="warning")
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".md", prefix=prefix, delete=False, encoding="utf-8") as fh:
        fh.write(text)
        tmp = Path(fh.name)
    try:
        with app.suspend():
            subprocess.run([*editor, str(tmp)], check=False)
        return tmp.read_text(encoding="utf-8")
    except Exception as exc:  # noqa: BLE001 - suspend is unsupported in some drivers
        app.notify(f"Could not run the editor: {exc}", severity="error")
        return None
    finally:
        tmp.unlink(missing_ok=True)
