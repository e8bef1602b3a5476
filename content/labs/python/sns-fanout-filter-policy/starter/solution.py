from typing import Any


def matches(policy: dict[str, list[Any]], attributes: dict[str, dict[str, Any]]) -> bool:
    """Does a message with these MessageAttributes pass this filter policy?"""
    raise NotImplementedError


def validate_policy(policy: Any) -> None:
    """Raise ValueError if SNS (as far as this lab goes) would refuse the policy."""
    raise NotImplementedError


def fan_out(
    subscriptions: list[dict[str, Any]], attributes: dict[str, dict[str, Any]]
) -> list[str]:
    """The SubscriptionArns that receive a message published with these attributes."""
    raise NotImplementedError
