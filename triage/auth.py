"""Who may do what: roles, the permissions each grants, and API key material.

Every key belongs to a tenant: the account of the caller (a company, or one business unit
of a deployment that serves several). Orders, their outcomes, webhooks and their
deliveries belong to the tenant of the key that created them, and a key never sees another
tenant's: to it they do not exist (404). A deployment with one account needs no set-up:
everything belongs to ``DEFAULT_TENANT``.

A key is ``tri_`` followed by 32 random bytes (base64url). Because the key is random and
long, a plain SHA-256 of it is enough to look it up without storing the key itself.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from enum import StrEnum

from triage.errors import Forbidden

__all__ = [
    "DEFAULT_TENANT",
    "ROLE_PERMISSIONS",
    "Caller",
    "Permission",
    "Role",
    "hash_api_key",
    "new_api_key",
    "require",
]

KEY_PREFIX = "tri_"
DEFAULT_TENANT = "default"


class Role(StrEnum):
    """The one role an API key has."""

    SERVICE = "service"
    ANALYST = "analyst"
    DATA_SCIENTIST = "data_scientist"
    ADMIN = "admin"


class Permission(StrEnum):
    """What an endpoint needs."""

    SUBMIT_ORDERS = "orders:submit"
    READ_ORDERS = "orders:read"
    REPORT_OUTCOMES = "outcomes:report"
    MANAGE_WEBHOOKS = "webhooks:manage"
    REVIEW = "review"
    READ_METRICS = "metrics:read"
    READ_MODELS = "models:read"
    PROMOTE_MODELS = "models:promote"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.SERVICE: frozenset(
        {
            Permission.SUBMIT_ORDERS,
            Permission.READ_ORDERS,
            Permission.REPORT_OUTCOMES,
            Permission.MANAGE_WEBHOOKS,
        }
    ),
    Role.ANALYST: frozenset({Permission.READ_ORDERS, Permission.REVIEW, Permission.READ_METRICS}),
    Role.DATA_SCIENTIST: frozenset(
        {Permission.READ_MODELS, Permission.PROMOTE_MODELS, Permission.READ_METRICS}
    ),
    Role.ADMIN: frozenset(Permission),
}


@dataclass(frozen=True)
class Caller:
    """An authenticated API key: its id, display name, role and tenant."""

    key_id: str
    name: str
    role: Role
    tenant_id: str = DEFAULT_TENANT

    def can(self, permission: Permission) -> bool:
        """Return True when this caller's role grants ``permission``."""
        return permission in ROLE_PERMISSIONS[self.role]


def require(caller: Caller, permission: Permission) -> Caller:
    """Return ``caller`` if its role grants ``permission``; raise Forbidden otherwise."""
    if not caller.can(permission):
        raise Forbidden(f"role '{caller.role.value}' may not use {permission.value}")
    return caller


def new_api_key() -> str:
    """Return a fresh random API key (shown once, never stored)."""
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_api_key(key: str) -> str:
    """Return the hex SHA-256 under which ``key`` is stored and looked up."""
    return hashlib.sha256(key.encode()).hexdigest()
