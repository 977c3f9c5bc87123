"""Persistence: models, engine and sessions, migrations. The only SQLAlchemy user."""
