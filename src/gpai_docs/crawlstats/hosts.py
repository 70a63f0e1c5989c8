"""URL or host → registrable domain, with the Public Suffix List bundled in publicsuffixlist.

Rules (documented in docs/domains.md):

* The *authority* of a URL is what follows ``scheme://`` (or ``//``) up to the first
  ``/``, ``?`` or ``#``; a value without ``//`` is taken as a bare host (``example.com/x``).
* Userinfo (``user:pw@``), a numeric port and trailing dots are dropped; letters are
  lowercased.
* IPv4 and IPv6 addresses (``[::1]:80`` or bare) are not domain names: they are
  reported apart as IP rows.
* Internationalised names are normalised to their ASCII form (A-labels, punycode,
  lowercase): ``Bücher.DE`` and ``xn--bcher-kva.de`` are one domain ``xn--bcher-kva.de``.
* The registrable domain is the public suffix plus one label, using both the ICANN
  and the private section of the list, so ``alice.github.io`` and ``bob.github.io``
  are two domains. Unknown top-level labels count as public suffixes
  (``site.newtld`` is registrable). A host that is itself a public suffix or a single
  label (``github.io``, ``localhost``) has no registrable domain.

The list is the one shipped inside the installed ``publicsuffixlist`` package; nothing
is downloaded at run time.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from functools import cache
from typing import Final, Literal

import publicsuffixlist

# Mirrors the SQL the engines use, for values that have not been through an engine.
AUTHORITY_RE: Final = r"^\s*(?:(?:[A-Za-z][A-Za-z0-9+.-]*:)?//)?([^/?#]*)"
_AUTHORITY = re.compile(AUTHORITY_RE)
_ASCII_HOST = re.compile(r"[a-z0-9_-]+(?:\.[a-z0-9_-]+)*")
_IPV4ISH = re.compile(r"[0-9.]+")

Kind = Literal["domain", "ip", "no_host", "malformed_url", "not_registrable", "bad_encoding"]


@dataclass(frozen=True, slots=True)
class HostResult:
    """What one authority turned out to be; ``domain`` is set only for kind "domain"."""

    kind: Kind
    domain: str | None = None


NO_HOST: Final = HostResult("no_host")
MALFORMED: Final = HostResult("malformed_url")
IP: Final = HostResult("ip")


def authority_of(url: str) -> str:
    """The authority part of a URL or bare host, as the engines compute it."""
    match = _AUTHORITY.match(url)
    return match.group(1) if match else ""


@cache
def _psl() -> publicsuffixlist.PublicSuffixList:
    return publicsuffixlist.PublicSuffixList(accept_unknown=True, only_icann=False)


def psl_version() -> str:
    """Version of the bundled list, e.g. ``publicsuffixlist 1.1.2.20261023``."""
    version = getattr(publicsuffixlist, "__version__", None)
    if not isinstance(version, str):  # older releases: ask the installed metadata
        from importlib import metadata

        version = metadata.version("publicsuffixlist")
    return f"publicsuffixlist {version}"


def _strip_port(hostport: str) -> str | None:
    host, colon, port = hostport.rpartition(":")
    if not colon:
        return hostport
    if port and not port.isdigit():
        return None
    return host


def _ascii_host(host: str) -> str | None:
    """Lowercase A-label form of a host name, or None if it is not a valid name."""
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    host = host.lower()
    if len(host) > 253 or not _ASCII_HOST.fullmatch(host):
        return None
    if any(len(label) > 63 for label in host.split(".")):
        return None
    return host


def classify_authority(authority: str | None) -> HostResult:
    """Classify one URL authority (``user@Host:port``) and find its registrable domain."""
    if authority is None:
        return NO_HOST
    text = authority.strip()
    if "\ufffd" in text:
        return HostResult("bad_encoding")
    text = text.rpartition("@")[2]
    if not text:
        return NO_HOST
    if text.startswith("["):
        literal, bracket, rest = text[1:].partition("]")
        if not bracket or (rest and not (rest[0] == ":" and rest[1:].isdigit())):
            return MALFORMED
        return _ip_or_malformed(literal.partition("%")[0])
    if text.count(":") > 1:  # bare IPv6 address, as a host column may hold it
        return _ip_or_malformed(text.partition("%")[0])
    host = _strip_port(text)
    if host is None:
        return MALFORMED
    host = host.rstrip(".")
    if not host:
        return NO_HOST
    if _IPV4ISH.fullmatch(host):
        return _ip_or_malformed(host)
    name = _ascii_host(host)
    if name is None:
        return MALFORMED
    return psl_lookup(name)


def psl_lookup(host: str) -> HostResult:
    """Registrable domain of a host already in lowercase A-label form (not an IP)."""
    domain = _psl().privatesuffix(host)
    return HostResult("not_registrable") if domain is None else HostResult("domain", domain)


def _ip_or_malformed(text: str) -> HostResult:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return MALFORMED
    return IP


def registrable_domain(url_or_host: str) -> str | None:
    """Registrable domain of a URL or host, or None (IP, malformed, no host)."""
    return classify_authority(authority_of(url_or_host)).domain
