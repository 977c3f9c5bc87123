"""Modal dialogs; each collects input and returns a typed result (None when cancelled)."""
