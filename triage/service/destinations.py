"""Where a webhook may be sent: public addresses only, unless a deployment allows a network.

A destination is checked twice: when it is registered and each time a connection is opened
to it. The host is resolved and *every* address it resolves to is checked, then the
connection goes to one of those checked addresses (never to a second lookup), so a name
that resolves to a public address at registration and to ``127.0.0.1`` later (DNS
rebinding) is refused at send time. IPv4 literals in any notation inet_aton accepts
(``0x7f000001``, ``2130706433``, ``0177.0.0.1``, ``127.1``), IPv6 literals and IPv6 forms
that embed an IPv4 address (mapped ``::ffff:a.b.c.d``, compatible ``::a.b.c.d``, NAT64
``64:ff9b::/96``, 6to4 ``2002::/16``) are judged by the IPv4 address they carry.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from triage.config import Settings
from triage.errors import InputError

__all__ = [
    "DestinationPolicy",
    "DestinationRefused",
    "Resolver",
    "check_webhook_url",
    "is_public_address",
    "resolve_destination",
    "system_resolver",
]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], Sequence[str]]
"""Returns the addresses (as text) a host name resolves to; raises OSError if none."""

ALLOW_SETTING = "TRIAGE_WEBHOOK_PRIVATE_NETWORKS"
_NUMERIC_V4 = re.compile(r"^[0-9a-fA-FxX.]+$")
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_COMPATIBLE = ipaddress.ip_network("::/96")


class DestinationRefused(InputError):
    """A webhook URL that may not be called: not http(s), credentials, or not public."""

    code = "webhook.destination_refused"
    title = "Webhook destination refused"


def system_resolver(host: str, port: int) -> list[str]:
    """Return every address the system resolver gives for ``host`` (TCP)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


@dataclass(frozen=True)
class DestinationPolicy:
    """Which addresses webhooks may reach: public ones, plus ``allowed_networks``."""

    allowed_networks: tuple[IPNetwork, ...] = ()
    resolver: Resolver = field(default=system_resolver, compare=False)

    @classmethod
    def from_settings(cls, settings: Settings) -> DestinationPolicy:
        """Return the policy of a deployment: public addresses plus its allowed networks."""
        return cls(allowed_networks=settings.webhook_networks)

    def allows(self, address: IPAddress) -> bool:
        """Return True if ``address`` is public or inside an allowed network."""
        candidates = [address, *_embedded_ipv4(address)]
        if any(c in net for c in candidates for net in self.allowed_networks):
            return True
        return is_public_address(address)


def _embedded_ipv4(address: IPAddress) -> list[ipaddress.IPv4Address]:
    if not isinstance(address, ipaddress.IPv6Address):
        return []
    found = [a for a in (address.ipv4_mapped, address.sixtofour) if a is not None]
    if address.teredo is not None:
        found.append(address.teredo[1])
    if address in _COMPATIBLE or any(address in net for net in _NAT64):
        found.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return found


def is_public_address(address: IPAddress) -> bool:
    """Return True for a globally routable unicast address (and any IPv4 it embeds)."""
    if (
        not address.is_global
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or address.is_loopback
        or address.is_link_local
    ):
        return False
    return all(is_public_address(inner) for inner in _embedded_ipv4(address))


def _literal(host: str) -> IPAddress | None:
    text = host.strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        pass
    if _NUMERIC_V4.match(text):
        try:  # the notations C's inet_aton (and so getaddrinfo) accepts: hex, octal, short
            return ipaddress.IPv4Address(socket.inet_aton(text))
        except OSError:
            return None
    return None


def resolve_destination(host: str, port: int, policy: DestinationPolicy) -> list[IPAddress]:
    """Return the checked addresses of ``host``; DestinationRefused if any is not allowed."""
    literal = _literal(host)
    if literal is not None:
        addresses = [literal]
    else:
        try:
            addresses = [
                ipaddress.ip_address(a.split("%", 1)[0]) for a in policy.resolver(host, port)
            ]
        except (OSError, UnicodeError, ValueError) as error:
            raise DestinationRefused(f"the webhook host {host!r} does not resolve") from error
    if not addresses:
        raise DestinationRefused(f"the webhook host {host!r} does not resolve")
    if not all(policy.allows(a) for a in addresses):
        raise DestinationRefused(
            f"the webhook host {host!r} is not a public address (loopback, private, link-local"
            f" and reserved addresses are refused unless {ALLOW_SETTING} allows the network)"
        )
    return addresses


def check_webhook_url(url: str, policy: DestinationPolicy) -> str:
    """Return ``url`` if a webhook may be sent there; DestinationRefused says why not."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        raise DestinationRefused("a webhook URL must start with http:// or https://")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise DestinationRefused(
            "a webhook URL may not carry credentials (user:password@); events are signed"
        )
    if not parts.hostname:
        raise DestinationRefused("a webhook URL needs a host")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise DestinationRefused("the webhook URL's port is not a number 1-65535") from error
    resolve_destination(parts.hostname, port, policy)
    return url
