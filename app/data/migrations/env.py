"""Alembic environment: migrations always run on a connection the store hands in (encrypted)."""

from alembic import context

from app.data import models  # noqa: F401  (registers every table)
from app.data import search_index
from app.data.base import Base

connection = context.config.attributes["connection"]


def include_name(name, type_, parent_names):
    # The FTS5 search table and its shadow tables are made by raw SQL, not by the metadata.
    return not (type_ == "table" and name and search_index.is_own_table(name))


context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                  include_name=include_name)
with context.begin_transaction():
    context.run_migrations()
