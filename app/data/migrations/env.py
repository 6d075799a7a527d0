"""Alembic environment: migrations always run on a connection the store hands in (encrypted)."""

from alembic import context

from app.data import models  # noqa: F401  (registers every table)
from app.data.base import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
