"""The core never imports the UI, and the CLI starts without heavy imports."""

from __future__ import annotations

import subprocess
import sys


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys\nprint('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(out.stdout.split())


def test_core_packages_do_not_import_textual() -> None:
    mods = _modules_after(
        "import factcheck.store.models, factcheck.store.database, factcheck.ingest, "
        "factcheck.segmenter"
    )
    assert not any(m == "textual" or m.startswith("textual.") for m in mods)


def test_cli_entry_point_imports_nothing_heavy() -> None:
    mods = _modules_after("import factcheck.cli")
    for heavy in ("sqlalchemy", "textual", "dateparser", "alembic", "trafilatura", "numpy"):
        assert heavy not in mods, heavy


def test_every_package_imports_on_its_own() -> None:
    """No import cycle hides behind the order other modules happen to be imported in."""
    for name in (
        "factcheck.revisions",
        "factcheck.memory",
        "factcheck.ingest",
        "factcheck.evidence",
        "factcheck.export",
        "factcheck.workflow",
        "factcheck.segmenter",
        "factcheck.checkworthiness",
    ):
        _modules_after(f"import {name}")
