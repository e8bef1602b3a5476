def sales_report(sales):
    """Revenue per region, biggest revenue first, with a total row."""
    title = "Sales by region"
    lines = [title, "=" * len(title)]
    header = f"{'Region':<14}{'Units':>8}{'Revenue':>12}"
    lines.append(header)
    lines.append("-" * len(header))
    total_units = 0
    total_revenue = 0
    for row in sorted(sales, key=lambda r: (-r["revenue"], r["region"])):
        region = row["region"]
        if len(region) > 13:
            region = region[:12] + "~"
        lines.append(f"{region:<14}{row['units']:>8}{row['revenue'] / 100:>12.2f}")
        total_units += row["units"]
        total_revenue += row["revenue"]
    if not sales:
        lines.append("(no rows)")
    lines.append("-" * len(header))
    lines.append(f"{'Total':<14}{total_units:>8}{total_revenue / 100:>12.2f}")
    return "\n".join(lines)


def inventory_report(items):
    """Stock per SKU in SKU order, with a total row."""
    title = "Inventory"
    lines = [title, "=" * len(title)]
    header = f"{'SKU':<10}{'On hand':>9}{'Reserved':>10}{'Value':>12}"
    lines.append(header)
    lines.append("-" * len(header))
    total_on_hand = 0
    total_reserved = 0
    total_value = 0
    for row in sorted(items, key=lambda r: r["sku"]):
        sku = row["sku"]
        if len(sku) > 9:
            sku = sku[:8] + "~"
        lines.append(
            f"{sku:<10}{row['on_hand']:>9}{row['reserved']:>10}{row['value'] / 100:>12.2f}"
        )
        total_on_hand += row["on_hand"]
        total_reserved += row["reserved"]
        total_value += row["value"]
    if not items:
        lines.append("(no rows)")
    lines.append("-" * len(header))
    lines.append(f"{'Total':<10}{total_on_hand:>9}{total_reserved:>10}{total_value / 100:>12.2f}")
    return "\n".join(lines)


def staff_report(people):
    """Hours and cost per person, most hours first, with a total row."""
    title = "Hours by person"
    lines = [title, "=" * len(title)]
    header = f"{'Name':<20}{'Hours':>7}{'Cost':>12}"
    lines.append(header)
    lines.append("-" * len(header))
    total_hours = 0
    total_cost = 0
    for row in sorted(people, key=lambda r: (-r["hours"], r["name"])):
        name = row["name"]
        if len(name) > 19:
            name = name[:18] + "~"
        lines.append(f"{name:<20}{row['hours']:>7}{row['cost'] / 100:>12.2f}")
        total_hours += row["hours"]
        total_cost += row["cost"]
    if not people:
        lines.append("(no rows)")
    lines.append("-" * len(header))
    lines.append(f"{'Total':<20}{total_hours:>7}{total_cost / 100:>12.2f}")
    return "\n".join(lines)
