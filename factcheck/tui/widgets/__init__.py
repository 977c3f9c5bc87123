"""Widgets of the review desk, one module each; they get plain dataclasses, never sessions."""
