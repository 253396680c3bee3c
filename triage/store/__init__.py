"""Persistence: SQLAlchemy tables, repositories, migrations and the PDF blob store.

Repositories take a Session and never commit; ``triage.service`` owns the transactions.
"""

from triage.store.blobs import BlobStore, sha256_hex
from triage.store.database import Store, make_engine, migrate, open_store

__all__ = ["BlobStore", "Store", "make_engine", "migrate", "open_store", "sha256_hex"]
