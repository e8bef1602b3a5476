"""Persistence: SQLAlchemy 2 models, Alembic migrations, and the queries services need."""
