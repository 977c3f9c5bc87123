"""Snapshots of the pages behind source URLs (issue 10). Filled in by its own change."""
