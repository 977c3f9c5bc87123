"""The review desk: a Textual app over the workflow and queries.

Nothing outside this package imports it, so the core stays free of Textual.
"""
