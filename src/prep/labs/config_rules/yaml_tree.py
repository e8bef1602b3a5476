"""Safe YAML loading that keeps line numbers.

PyYAML composes the text into nodes (which carry their position) without constructing any
object; we then build our own `Node` tree from plain data only. Nothing here can run code or
blow up: tags other than YAML's plain data types are refused, and alias expansion is bounded
by a count of built values, so an alias bomb ("billion laughs") or an alias that contains
itself fails fast with a message instead of exhausting memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.nodes import Node as YamlNode

from prep.labs.config_rules.base import ConfigError

MAX_VALUES = 20_000
MAX_DEPTH = 60
_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp"))
_MAP, _SEQ, _MERGE = _CORE + "map", _CORE + "seq", _CORE + "merge"


@dataclass(frozen=True, eq=False)
class Node:
    """A YAML value with its 1-based line: a dict of Nodes, a list of Nodes, or a scalar.

    Accessors never raise on the wrong shape: asking a list for a key gives None, asking a
    scalar for its entries gives nothing. Rules therefore handle odd input as findings.
    """

    value: object
    line: int
    key_lines: Mapping[str, int] = field(default_factory=dict)
    tag: str = ""

    @property
    def is_map(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def is_seq(self) -> bool:
        return isinstance(self.value, list)

    def get(self, key: str) -> Node | None:
        return self.value.get(key) if isinstance(self.value, dict) else None

    def at(self, *keys: str) -> Node | None:
        node: Node | None = self
        for key in keys:
            node = node.get(key) if node is not None else None
        return node

    def entries(self) -> list[tuple[str, Node]]:
        return list(self.value.items()) if isinstance(self.value, dict) else []

    def items(self) -> list[Node]:
        return list(self.value) if isinstance(self.value, list) else []

    def maps(self) -> list[Node]:
        """The items of a list that are mappings."""
        return [n for n in self.items() if n.is_map]

    def key_line(self, key: str) -> int:
        return self.key_lines.get(key, self.line)

    def text(self) -> str | None:
        """A scalar as text (`true`, `3`, `web`); None for null, lists and mappings."""
        value = self.value
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, str | int | float | date):
            return str(value)
        return None

    def text_at(self, *keys: str) -> str | None:
        node = self.at(*keys)
        return node.text() if node is not None else None

    def name(self) -> str | None:
        """A name given either way CI files allow: `x` or `{name: x}` (an `environment:`)."""
        return self.text_at("name") if self.is_map else self.text()

    def texts(self) -> list[str]:
        """A scalar or a list of scalars, as a list of texts (`needs: a` or `needs: [a, b]`)."""
        if self.is_seq:
            return [t for t in (n.text() for n in self.items()) if t is not None]
        one = self.text()
        return [] if one is None else [one]

    def plain(self) -> Any:
        if isinstance(self.value, dict):
            return {k: v.plain() for k, v in self.value.items()}
        if isinstance(self.value, list):
            return [v.plain() for v in self.value]
        return self.value


def load_documents(text: str, custom_tags: Iterable[str] = ()) -> list[Node | None]:
    """Every document of `text` (None for an empty one); raises ConfigError with a line."""
    try:
        _check_depth(text)
        roots = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        code = (
            exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or " ")
        )
        message = f"not valid YAML: the control character #x{code:04x} is not allowed"
        raise ConfigError(line, message) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        reason = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        raise ConfigError(line, f"not valid YAML: {reason}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(1, f"not valid YAML: {exc}") from None
    except RecursionError:
        raise ConfigError(1, "not valid YAML: nested too deeply") from None
    builder = _Builder(frozenset(custom_tags))
    return [None if _empty(root) else builder.build(root, 0) for root in roots]


def _check_depth(text: str) -> None:
    """Refuse deep nesting from the event stream (iterative) before composing (recursive)."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                line = event.start_mark.line + 1 if event.start_mark is not None else 1
                raise ConfigError(line, f"nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _empty(root: YamlNode) -> bool:
    return isinstance(root, ScalarNode) and root.tag == _CORE + "null" and root.value == ""


class _Builder:
    def __init__(self, custom_tags: frozenset[str]) -> None:
        self.custom_tags = custom_tags
        self.count = 0
        self.constructor = SafeConstructor()

    def build(self, node: YamlNode, depth: int) -> Node:
        line = node.start_mark.line + 1
        self.count += 1
        if self.count > MAX_VALUES:
            raise ConfigError(
                line, f"the YAML expands to more than {MAX_VALUES} values (an alias bomb?)"
            )
        if depth > MAX_DEPTH:
            raise ConfigError(
                line, f"nested more than {MAX_DEPTH} levels deep (or an alias contains itself)"
            )
        custom = node.tag if node.tag in self.custom_tags else ""
        if isinstance(node, ScalarNode):
            return Node(self._scalar(node, line, custom), line, tag=custom)
        if isinstance(node, SequenceNode):
            if node.tag != _SEQ and not custom:
                raise _bad_tag(node.tag, line)
            return Node([self.build(n, depth + 1) for n in node.value], line, tag=custom)
        if isinstance(node, MappingNode):
            if node.tag != _MAP:
                raise _bad_tag(node.tag, line)
            return self._mapping(node, line, depth)
        raise ConfigError(line, "not valid YAML")  # pragma: no cover - no other node types

    def _scalar(self, node: ScalarNode, line: int, custom: str) -> object:
        if custom:
            return node.value
        if node.tag not in _SCALAR_TAGS:
            raise _bad_tag(node.tag, line)
        construct = SafeConstructor.yaml_constructors[node.tag]
        try:
            return construct(self.constructor, node)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            raise ConfigError(line, f"bad {node.tag.removeprefix(_CORE)} value: {exc}") from None

    def _mapping(self, node: MappingNode, line: int, depth: int) -> Node:
        entries: dict[str, Node] = {}
        key_lines: dict[str, int] = {}
        merges: list[YamlNode] = []
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if key_node.tag == _MERGE:
                merges.append(value_node)
                continue
            if not isinstance(key_node, ScalarNode):
                raise ConfigError(key_line, "a mapping key must be a plain value")
            key = str(key_node.value)
            if key in entries:
                raise ConfigError(key_line, f"duplicate key {key!r} (YAML keeps only one)")
            entries[key] = self.build(value_node, depth + 1)
            key_lines[key] = key_line
        for merge in merges:
            sources = merge.value if isinstance(merge, SequenceNode) else [merge]
            for source in sources:
                built = self.build(source, depth + 1)
                if not built.is_map:
                    raise ConfigError(built.line, "a merge key (<<) must merge mappings")
                for key, value in built.entries():
                    if key not in entries:
                        entries[key] = value
                        key_lines[key] = built.key_line(key)
        return Node(entries, line, key_lines)


def _bad_tag(tag: str, line: int) -> ConfigError:
    shown = tag.replace(_CORE, "!!")
    return ConfigError(line, f"the tag {shown} is not allowed: only plain YAML data is read")
