from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    """One column of a report: the row key it shows, its heading and its width.

    The first column of a report holds text (cut to fit, marked with `~`); the others hold
    integers, summed on the total row, and `cents` ones are shown as money.
    """

    key: str
    label: str
    width: int
    cents: bool = False

    def text(self, value: str) -> str:
        if len(value) > self.width - 1:
            value = value[: self.width - 2] + "~"
        return f"{value:<{self.width}}"

    def number(self, value: int) -> str:
        shown = f"{value / 100:.2f}" if self.cents else str(value)
        return f"{shown:>{self.width}}"


SALES_COLUMNS = (
    Column("region", "Region", 14),
    Column("units", "Units", 8),
    Column("revenue", "Revenue", 12, cents=True),
)
INVENTORY_COLUMNS = (
    Column("sku", "SKU", 10),
    Column("on_hand", "On hand", 9),
    Column("reserved", "Reserved", 10),
    Column("value", "Value", 12, cents=True),
)
STAFF_COLUMNS = (
    Column("name", "Name", 20),
    Column("hours", "Hours", 7),
    Column("cost", "Cost", 12, cents=True),
)


def sales_report(sales: Sequence[Row]) -> str:
    """Revenue per region, biggest revenue first, with a total row."""
    return _report("Sales by region", SALES_COLUMNS, sales, lambda r: (-r["revenue"], r["region"]))


def inventory_report(items: Sequence[Row]) -> str:
    """Stock per SKU in SKU order, with a total row."""
    return _report("Inventory", INVENTORY_COLUMNS, items, lambda r: r["sku"])


def staff_report(people: Sequence[Row]) -> str:
    """Hours and cost per person, most hours first, with a total row."""
    return _report("Hours by person", STAFF_COLUMNS, people, lambda r: (-r["hours"], r["name"]))


def _report(
    title: str,
    columns: Sequence[Column],
    rows: Sequence[Row],
    order: Callable[[Row], Any],
) -> str:
    label, *numbers = columns
    header = f"{label.label:<{label.width}}" + "".join(
        f"{column.label:>{column.width}}" for column in numbers
    )
    body = [
        label.text(row[label.key]) + "".join(column.number(row[column.key]) for column in numbers)
        for row in sorted(rows, key=order)
    ]
    totals = label.text("Total") + "".join(
        column.number(sum(row[column.key] for row in rows)) for column in numbers
    )
    rule = "-" * len(header)
    return "\n".join(
        [title, "=" * len(title), header, rule, *(body or ["(no rows)"]), rule, totals]
    )
