"""Which files an ingest run reads: explicit files, and supported files inside folders."""

from __future__ import annotations

from pathlib import Path

SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})


def collect_files(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Expand folders (recursively, sorted, hidden files skipped); report missing paths.

    An explicitly named file is taken whatever its suffix (the reader decides);
    inside a folder only supported suffixes are taken, so stray files do not fail a run.
    """
    files: list[Path] = []
    problems: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for path in paths:
        if not path.exists():
            problems.append((path, "no such file or folder"))
            continue
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                problems.append((path, "folder holds no .txt, .md or .html files"))
            candidates = found
        else:
            candidates = [path]
        for file in candidates:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, problems
