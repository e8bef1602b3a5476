def build_invoice(order):
    """Render the text of an invoice for `order` (see task.md for the rules)."""
    customer = order["customer"]
    if not order["lines"]:
        raise ValueError("an invoice needs at least one line")
    coupon = order.get("coupon")
    if coupon is not None and coupon not in ("SAVE10", "FREESHIP"):
        raise ValueError(f"unknown coupon {coupon!r}")
    out = [f"INVOICE for {customer['name']} ({customer['country']})"]
    out.append(f"{'SKU':<10}{'Description':<26}{'Qty':>5}   {'Price':>9}{'Amount':>11}")
    subtotal = 0
    tax = 0
    for line in order["lines"]:
        qty = line["quantity"]
        if qty <= 0:
            raise ValueError(f"line {line['sku']}: quantity must be positive, got {qty}")
        amount = line["unit_price"] * qty
        if qty >= 10:
            amount = amount - (amount * 5 + 50) // 100
        subtotal += amount
        if customer["country"] == "DE":
            if line["category"] in ("book", "food"):
                rate = 700
            else:
                rate = 1900
        elif customer["country"] == "FR":
            if line["category"] in ("book", "food"):
                rate = 550
            else:
                rate = 2000
        elif customer["country"] == "NL":
            if line["category"] in ("book", "food"):
                rate = 900
            else:
                rate = 2100
        else:
            rate = 0
        tax += (amount * rate + 5000) // 10000
        out.append(
            f"{line['sku']:<10}{line['description'][:24]:<26}{qty:>5} x "
            f"{line['unit_price'] / 100:>9.2f}{amount / 100:>11.2f}"
        )
    percent = 0
    if customer.get("vip"):
        percent = 5
    if coupon == "SAVE10":
        percent = 10
    discount = (subtotal * percent + 50) // 100
    if coupon == "FREESHIP" or subtotal - discount >= 5000:
        shipping = 0
    elif customer["country"] == "DE":
        shipping = 490
    elif customer["country"] in ("FR", "NL", "AT", "BE"):
        shipping = 990
    else:
        shipping = 1990
    total = subtotal - discount + shipping + tax
    out.append("-" * 64)
    out.append(f"{'Subtotal':<53}{subtotal / 100:>11.2f}")
    if discount:
        out.append(f"{f'Discount ({percent}%)':<53}{-discount / 100:>11.2f}")
    out.append(f"{'Shipping':<53}{shipping / 100:>11.2f}")
    out.append(f"{'Tax':<53}{tax / 100:>11.2f}")
    out.append(f"{'Total':<53}{total / 100:>11.2f}")
    return "\n".join(out)
