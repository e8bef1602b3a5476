from collections.abc import Iterable


def clean_mailing_list(addresses: Iterable[str], blocked_domains: Iterable[str] = ()) -> list[str]:
    """Normalise, validate, filter and deduplicate e-mail addresses, keeping first-seen order.

    Each address is stripped and lowercased; invalid ones and those on a blocked domain
    (compared case-insensitively) are dropped; of equal addresses only the first is kept.
    """
    blocked = {domain.lower() for domain in blocked_domains}
    kept: dict[str, None] = {}  # a dict keeps insertion order: an ordered set
    for raw in addresses:
        address = raw.strip().lower()
        if _is_valid(address) and address.partition("@")[2] not in blocked:
            kept.setdefault(address)
    return list(kept)


def _is_valid(address: str) -> bool:
    """One @, no whitespace, a non-empty local part, a dotted domain not starting or ending
    with a dot."""
    if address.count("@") != 1 or any(char.isspace() for char in address):
        return False
    local, domain = address.split("@")
    return bool(local) and "." in domain and not domain.startswith(".") and not domain.endswith(".")
