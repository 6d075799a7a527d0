"""Alembic environment of the county server: runs on the connection `app.server.migrations` hands in."""

from alembic import context

from app.server.migrations import is_server_table, load_all_tables

metadata = load_all_tables()
connection = context.config.attributes["connection"]
server_only = bool(context.config.attributes.get("server_only"))


def include_object(obj, name, type_, reflected, compare_to):
    # new revisions are written for the server's own tables; the desktop copies level themselves
    if not server_only:
        return True
    table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", "")
    return is_server_table(table or "")


context.configure(connection=connection, target_metadata=metadata, render_as_batch=connection.dialect.name == "sqlite",
                  compare_type=True, include_object=include_object)
with context.begin_transaction():
    context.run_migrations()
