"""The PostgreSQL backend (extra ``postgres``: psycopg 3). Import it through ``newsgraph.storage.open_store``."""
from .store import PostgresStore

__all__ = ["PostgresStore"]
