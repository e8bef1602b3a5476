from typing import Any

Order = dict[str, Any]
Line = dict[str, Any]

COUPON_PERCENT = {"SAVE10": 10, "FREESHIP": 0}
VIP_PERCENT = 5
BULK_QUANTITY, BULK_PERCENT = 10, 5
#: VAT in basis points (1/100 of a percent) by country: (rate for books and food, other goods).
VAT_BASIS_POINTS = {"DE": (700, 1900), "FR": (550, 2000), "NL": (900, 2100)}
REDUCED_VAT_CATEGORIES = frozenset({"book", "food"})
FREE_SHIPPING_FROM = 5000
DOMESTIC_SHIPPING, EU_SHIPPING, WORLD_SHIPPING = 490, 990, 1990
EU_COUNTRIES = frozenset({"FR", "NL", "AT", "BE"})
LABEL_WIDTH = 53


def build_invoice(order: Order) -> str:
    """Render the text of an invoice for `order`: a header, one row per line, the totals."""
    customer, lines, coupon = order["customer"], order["lines"], order.get("coupon")
    _validate(lines, coupon)
    amounts = [_line_amount(line) for line in lines]
    subtotal = sum(amounts)
    percent = _discount_percent(customer, coupon)
    discount = _share(subtotal, percent, 100)
    shipping = _shipping(customer["country"], coupon, subtotal - discount)
    tax = _tax(customer["country"], lines, amounts)
    rows = [_item_row(line, amount) for line, amount in zip(lines, amounts, strict=True)]
    totals = _totals(subtotal, percent, discount, shipping, tax)
    return "\n".join([*_header(customer), *rows, "-" * 64, *totals])


def _validate(lines: list[Line], coupon: str | None) -> None:
    if not lines:
        raise ValueError("an invoice needs at least one line")
    if coupon is not None and coupon not in COUPON_PERCENT:
        raise ValueError(f"unknown coupon {coupon!r}")


def _share(cents: int, part: int, whole: int) -> int:
    """`part`/`whole` of `cents`, rounded to a whole cent."""
    return round(cents * part / whole)


def _line_amount(line: Line) -> int:
    quantity = line["quantity"]
    if quantity <= 0:
        raise ValueError(f"line {line['sku']}: quantity must be positive, got {quantity}")
    amount: int = line["unit_price"] * quantity
    if quantity >= BULK_QUANTITY:
        amount -= _share(amount, BULK_PERCENT, 100)
    return amount


def _discount_percent(customer: dict[str, Any], coupon: str | None) -> int:
    vip_percent = VIP_PERCENT if customer.get("vip") else 0
    return max(vip_percent, COUPON_PERCENT.get(coupon or "", 0))


def _shipping(country: str, coupon: str | None, net: int) -> int:
    if coupon == "FREESHIP" or net >= FREE_SHIPPING_FROM:
        return 0
    if country == "DE":
        return DOMESTIC_SHIPPING
    return EU_SHIPPING if country in EU_COUNTRIES else WORLD_SHIPPING


def _tax(country: str, lines: list[Line], amounts: list[int]) -> int:
    """VAT is rounded per line, so the total is the sum of the rounded line taxes."""
    reduced, standard = VAT_BASIS_POINTS.get(country, (0, 0))
    return sum(
        _share(amount, reduced if line["category"] in REDUCED_VAT_CATEGORIES else standard, 10_000)
        for line, amount in zip(lines, amounts, strict=True)
    )


def _money(cents: int, width: int = 11) -> str:
    return f"{cents / 100:>{width}.2f}"


def _header(customer: dict[str, Any]) -> list[str]:
    return [
        f"INVOICE for {customer['name']} ({customer['country']})",
        f"{'SKU':<10}{'Description':<26}{'Qty':>5}   {'Price':>9}{'Amount':>11}",
    ]


def _item_row(line: Line, amount: int) -> str:
    description = line["description"][:24]
    return (
        f"{line['sku']:<10}{description:<26}{line['quantity']:>5} x "
        f"{_money(line['unit_price'], 9)}{_money(amount)}"
    )


def _totals(subtotal: int, percent: int, discount: int, shipping: int, tax: int) -> list[str]:
    rows = [("Subtotal", subtotal)]
    if discount:
        rows.append((f"Discount ({percent}%)", -discount))
    rows += [("Shipping", shipping), ("Tax", tax), ("Total", subtotal - discount + shipping + tax)]
    return [f"{label:<{LABEL_WIDTH}}{_money(cents)}" for label, cents in rows]
