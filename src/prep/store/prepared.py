"""Statements on the hottest paths, compiled once and run on the driver's own connection.

SQLAlchemy's execution machinery (the compiled-cache lookup, an execution context, a result
object) costs about as much CPU per statement as a whole trivial request to the web app, and
several times what SQLite takes for the statements that answer "what next" or record a review.
A Prepared statement keeps the Core statement as the one definition: its SQL, the order of its
parameters and the conversion of every value (a UTCDateTime to the stored text and back) come
from SQLAlchemy, once; each execution then costs one call into sqlite3.

It runs on the connection of a SQLAlchemy Connection, inside that Connection's transaction (the
driver begins one before the first write; the Connection commits or rolls it back).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Dialect
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.selectable import SelectBase

Processor = Callable[[Any], Any]


@dataclass(frozen=True)
class _Parameter:
    name: str  # the bind parameter's key: the name to pass its value under
    required: bool  # False: the value was fixed when the statement was built (a literal)
    value: Any
    convert: Processor | None


@dataclass(frozen=True)
class _Compiled:
    sql: str
    parameters: tuple[_Parameter, ...]
    columns: tuple[Processor | None, ...]  # per result column


class Prepared:
    """`statement` compiled for SQLite on first use. For INSERT and UPDATE, `columns` names the
    columns the values set (SQLAlchemy otherwise decides that from each execution's values)."""

    def __init__(self, statement: ClauseElement, *, columns: Sequence[str] | None = None) -> None:
        self.statement = statement
        self.column_keys = list(columns) if columns is not None else None
        self._compiled: _Compiled | None = None

    def _compile(self, dialect: Dialect) -> _Compiled:
        compiled = self.statement.compile(dialect=dialect, column_keys=self.column_keys)
        if not isinstance(compiled, SQLCompiler) or not compiled.positional:
            raise TypeError(f"not a positional SQL statement: {self.statement}")
        parameters = []
        for name in compiled.positiontup or ():
            bind = compiled.binds[name]
            if bind.expanding or bind.callable is not None:
                raise ValueError(f"{name}: IN lists and callable values need SQLAlchemy")
            convert = bind.type.dialect_impl(dialect).bind_processor(dialect)
            parameters.append(_Parameter(bind.key, bind.required, bind.value, convert))
        columns: list[Processor | None] = []
        if isinstance(self.statement, SelectBase):
            for column in self.statement.selected_columns:
                impl = column.type.dialect_impl(dialect)
                columns.append(impl.result_processor(dialect, None))
        return _Compiled(str(compiled), tuple(parameters), tuple(columns))

    def _run(self, connection: Connection, values: Mapping[str, Any]) -> Any:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = self._compile(connection.dialect)
        arguments = []
        for parameter in compiled.parameters:
            value = values[parameter.name] if parameter.required else parameter.value
            if parameter.convert is not None:
                value = parameter.convert(value)
            arguments.append(value)
        driver = connection.connection.driver_connection
        if driver is None:
            raise RuntimeError("the connection is closed")
        return driver.execute(compiled.sql, arguments)

    def execute(self, connection: Connection, values: Mapping[str, Any]) -> None:
        """Run an INSERT, UPDATE or DELETE."""
        self._run(connection, values).close()

    def one_or_none(
        self, connection: Connection, values: Mapping[str, Any]
    ) -> tuple[Any, ...] | None:
        """The first row of a SELECT, its values converted as SQLAlchemy would; None if none."""
        cursor = self._run(connection, values)
        try:
            row = cursor.fetchone()
        finally:
            cursor.close()
        if row is None:
            return None
        converters = self._compiled.columns if self._compiled is not None else ()
        if not any(converters):
            return tuple(row)
        return tuple(
            value if convert is None else convert(value)
            for value, convert in zip(row, converters, strict=True)
        )

    def one(self, connection: Connection, values: Mapping[str, Any]) -> tuple[Any, ...]:
        row = self.one_or_none(connection, values)
        if row is None:
            raise LookupError("the statement returned no row")
        return row
