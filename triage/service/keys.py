"""API keys: create one for a role, and turn a bearer token back into a Caller."""

from __future__ import annotations

import re
import secrets
from datetime import UTC, datetime

from triage.auth import DEFAULT_TENANT, Caller, Role, hash_api_key, new_api_key
from triage.errors import InputError, Unauthenticated
from triage.service.schemas import ApiKeyCreated
from triage.store import Store
from triage.store import keys as key_rows
from triage.store.tables import ApiKeyRow

__all__ = ["authenticate", "caller_of", "create_api_key", "ensure_system_caller"]

SYSTEM_KEY_ID = "key_system"
TENANT_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


def _parse_role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        known = ", ".join(r.value for r in Role)
        raise InputError(f"role: unknown role {role!r} (one of {known})") from None


def _parse_tenant(tenant: str) -> str:
    if not TENANT_ID.fullmatch(tenant):
        raise InputError(
            f"tenant: {tenant[:80]!r} is not a tenant id (1-64 letters, digits, '.', '_', '-')"
        )
    return tenant


def create_api_key(
    store: Store, *, role: str, name: str | None = None, tenant: str = DEFAULT_TENANT
) -> ApiKeyCreated:
    """Create a key with ``role`` for ``tenant`` and return it; the key itself is not stored."""
    parsed = _parse_role(role)
    tenant = _parse_tenant(tenant)
    key = new_api_key()
    key_id = "key_" + secrets.token_hex(8)
    with store.transaction() as session:
        key_rows.insert_key(
            session,
            ApiKeyRow(
                id=key_id,
                name=name or f"{parsed.value}-{key_id[4:]}",
                role=parsed.value,
                key_hash=hash_api_key(key),
                prefix=key[:10],
                tenant_id=tenant,
                created_at=datetime.now(UTC),
            ),
        )
    label = name or f"{parsed.value}-{key_id[4:]}"
    return ApiKeyCreated(id=key_id, name=label, role=role, tenant=tenant, key=key)


def authenticate(store: Store, authorization: str | None) -> Caller:
    """Return the caller of an ``Authorization: Bearer <key>`` header; raise Unauthenticated."""
    if not authorization:
        raise Unauthenticated("send the API key as 'Authorization: Bearer <key>'")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated("the Authorization header must be 'Bearer <key>'")
    with store.reading() as session:
        row = key_rows.find_active_key(session, hash_api_key(token.strip()))
        if row is None:
            raise Unauthenticated("the API key is unknown or revoked")
        return caller_of(row)


def caller_of(row: ApiKeyRow) -> Caller:
    """Return the Caller a stored key row stands for."""
    return Caller(key_id=row.id, name=row.name, role=Role(row.role), tenant_id=row.tenant_id)


def ensure_system_caller(store: Store) -> Caller:
    """Return the internal service caller that submits sample orders (it has no usable key)."""
    with store.transaction() as session:
        if key_rows.get_key(session, SYSTEM_KEY_ID) is None:
            key_rows.insert_key(
                session,
                ApiKeyRow(
                    id=SYSTEM_KEY_ID,
                    name="system",
                    role=Role.SERVICE.value,
                    key_hash=hash_api_key(secrets.token_hex(32)),
                    prefix="system",
                    created_at=datetime.now(UTC),
                ),
            )
    return Caller(key_id=SYSTEM_KEY_ID, name="system", role=Role.SERVICE)
