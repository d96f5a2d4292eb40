"""The DuckDB warehouse: schema migrations, storage of documents and what was
read from them, analyst views and exports.  It depends on the model in
``pipeline`` only, never on the readers."""
from .db import DEFAULT_DB, WarehouseError, connect

__all__ = ["connect", "DEFAULT_DB", "WarehouseError"]
