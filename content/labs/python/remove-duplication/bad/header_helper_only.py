def _heading(title, header):
    return [title, "=" * len(title), header, "-" * len(header)]


def _footer(lines, header, total_row, empty):
    if empty:
        lines.append("(no rows)")
    lines.append("-" * len(header))
    lines.append(total_row)
    return "\n".join(lines)


def _money(cents, width):
    return f"{cents / 100:>{width}.2f}"


def sales_report(sales):
    """Revenue per region, biggest revenue first, with a total row."""
    header = f"{'Region':<14}{'Units':>8}{'Revenue':>12}"
    lines = _heading("Sales by region", header)
    total_units = 0
    total_revenue = 0
    for row in sorted(sales, key=lambda r: (-r["revenue"], r["region"])):
        region = row["region"]
        if len(region) > 13:
            region = region[:12] + "~"
        lines.append(f"{region:<14}{row['units']:>8}{_money(row['revenue'], 12)}")
        total_units += row["units"]
        total_revenue += row["revenue"]
    total_row = f"{'Total':<14}{total_units:>8}{_money(total_revenue, 12)}"
    return _footer(lines, header, total_row, not sales)


def inventory_report(items):
    """Stock per SKU in SKU order, with a total row."""
    header = f"{'SKU':<10}{'On hand':>9}{'Reserved':>10}{'Value':>12}"
    lines = _heading("Inventory", header)
    total_on_hand = 0
    total_reserved = 0
    total_value = 0
    for row in sorted(items, key=lambda r: r["sku"]):
        sku = row["sku"]
        if len(sku) > 9:
            sku = sku[:8] + "~"
        lines.append(f"{sku:<10}{row['on_hand']:>9}{row['reserved']:>10}{_money(row['value'], 12)}")
        total_on_hand += row["on_hand"]
        total_reserved += row["reserved"]
        total_value += row["value"]
    total_row = f"{'Total':<10}{total_on_hand:>9}{total_reserved:>10}{_money(total_value, 12)}"
    return _footer(lines, header, total_row, not items)


def staff_report(people):
    """Hours and cost per person, most hours first, with a total row."""
    header = f"{'Name':<20}{'Hours':>7}{'Cost':>12}"
    lines = _heading("Hours by person", header)
    total_hours = 0
    total_cost = 0
    for row in sorted(people, key=lambda r: (-r["hours"], r["name"])):
        name = row["name"]
        if len(name) > 19:
            name = name[:18] + "~"
        lines.append(f"{name:<20}{row['hours']:>7}{_money(row['cost'], 12)}")
        total_hours += row["hours"]
        total_cost += row["cost"]
    total_row = f"{'Total':<20}{total_hours:>7}{_money(total_cost, 12)}"
    return _footer(lines, header, total_row, not people)
