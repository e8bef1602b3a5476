"""Terraform configuration as blocks and arguments, each with the line it starts on.

Parsed with python-hcl2, the HCL grammar Terraform's syntax follows. Its dict output carries
no line numbers (the `with_meta` option of hcl2 8.x is accepted but adds nothing), so the
model is built from hcl2's raw parse tree, whose nodes keep their positions, and each
argument's value is serialised by hcl2 on its own.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lark import Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from prep.labs.config_rules.base import ConfigError

#: Block types a Terraform file may hold at its top level, and how many labels each takes.
TOP_LEVEL = {
    "terraform": 0, "provider": 1, "variable": 1, "output": 1, "locals": 0, "module": 1,
    "resource": 2, "data": 2, "ephemeral": 2, "moved": 0, "import": 0, "removed": 0, "check": 1,
}  # fmt: skip
_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}

_HCL2_LOCK = threading.Lock()


@dataclass(frozen=True)
class Expr:
    """A value that is not a literal: a reference, a function call or a string template."""

    text: str


@dataclass(frozen=True)
class Argument:
    """`name = value`. Literal strings are `str`, numbers and bools are Python values, lists
    and objects are lists and dicts; anything computed is an `Expr`. `refs` holds every
    traversal the value makes (`("var", "db_password")`, `("aws_s3_bucket", "logs", "id")`
    and its prefixes)."""

    name: str
    value: Any
    line: int
    refs: frozenset[tuple[str, ...]]


@dataclass(frozen=True)
class Block:
    """`type "label" ... { arguments and nested blocks }`."""

    type: str
    labels: tuple[str, ...]
    line: int
    arguments: dict[str, Argument]
    blocks: tuple[Block, ...]

    @property
    def name(self) -> str:
        """The last label: the resource, variable or provider name."""
        return self.labels[-1] if self.labels else self.type

    @property
    def address(self) -> str:
        """How Terraform names it: `aws_s3_bucket.logs`, `variable db_password`."""
        if self.type in ("resource", "ephemeral"):
            return ".".join(self.labels)
        if self.type == "data":
            return "data." + ".".join(self.labels)
        return " ".join((self.type, *self.labels))

    def get(self, name: str) -> Argument | None:
        return self.arguments.get(name)

    def value(self, name: str) -> Any:
        """The argument's value, None when it is not set."""
        argument = self.arguments.get(name)
        return argument.value if argument is not None else None

    def line_of(self, name: str) -> int:
        """The argument's line, or the block's when it is not set."""
        argument = self.arguments.get(name)
        return argument.line if argument is not None else self.line

    def nested(self, block_type: str) -> list[Block]:
        return [b for b in self.blocks if b.type == block_type]

    def walk(self) -> Iterator[Block]:
        """This block and every block inside it."""
        yield self
        for block in self.blocks:
            yield from block.walk()


@dataclass(frozen=True)
class Config:
    """The top-level blocks of one Terraform file, in order."""

    blocks: tuple[Block, ...]

    def of(self, block_type: str) -> list[Block]:
        return [b for b in self.blocks if b.type == block_type]

    def resources(self, resource_type: str) -> list[Block]:
        return [b for b in self.blocks if b.type == "resource" and b.labels[0] == resource_type]

    def settings(self, block_type: str) -> list[Block]:
        """Blocks of `block_type` inside `terraform {}` blocks (backend, required_providers)."""
        return [nested for block in self.of("terraform") for nested in block.nested(block_type)]


def parse_terraform(text: str) -> Config:
    """Parse one .tf file; raises ConfigError naming the line of a syntax error.

    The parser is slow on large input (see `config_kind.FORMAT_LIMITS` for the size cap).
    """
    import hcl2

    last_line = len(text.splitlines()) or 1
    try:
        # hcl2 keeps one parser and transformer per process, and they are not safe to share
        # between threads: the content check judges solutions from a thread pool, and two
        # files parsed at once mixed up each other's rules. One parse at a time.
        with _HCL2_LOCK:
            tree = hcl2.parses_to_tree(text)
            config = Config(tuple(_top_level(_body(tree))))
    except UnexpectedInput as exc:
        raise ConfigError(min(max(exc.line, 1), last_line), _syntax_error(exc)) from None
    except RecursionError:
        raise ConfigError(1, "the file nests blocks or expressions too deeply to parse") from None
    if not config.blocks:
        raise ConfigError(1, "the file defines no blocks")
    return config


def _syntax_error(exc: UnexpectedInput) -> str:
    if isinstance(exc, UnexpectedToken):
        if exc.token.type == "$END":
            return "not valid HCL: the file ends inside an unclosed block, string or bracket"
        shown = str(exc.token.value).split("\n", 1)[0][:40]
        return f"not valid HCL: unexpected {repr(shown) if shown else 'line break'}"
    if isinstance(exc, UnexpectedCharacters):
        return f"not valid HCL: unexpected character {exc.char!r}"
    return "not valid HCL"


def _body(tree: Tree[Any]) -> Tree[Any] | None:
    """The `body` under `start` or a block (an empty block may have none)."""
    for child in tree.children:
        if isinstance(child, Tree) and child.data == "body":
            return child
    return None


def _top_level(body: Tree[Any] | None) -> Iterator[Block]:
    arguments, blocks = _contents(body)
    if arguments:
        first = next(iter(arguments.values()))
        raise ConfigError(
            first.line, f"argument {first.name} is outside any block; a .tf file holds only blocks"
        )
    for block in blocks:
        labels = TOP_LEVEL.get(block.type)
        if labels is None:
            raise ConfigError(block.line, f"unknown block type {block.type!r}")
        if len(block.labels) != labels:
            raise ConfigError(
                block.line,
                f"a {block.type} block takes {labels} label(s), this one has {len(block.labels)}",
            )
        yield block


def _contents(body: Tree[Any] | None) -> tuple[dict[str, Argument], list[Block]]:
    arguments: dict[str, Argument] = {}
    blocks: list[Block] = []
    for child in body.children if body is not None else ():
        if not isinstance(child, Tree):
            continue
        if child.data == "attribute":
            argument = _argument(child)
            first = arguments.get(argument.name)
            if first is not None:
                raise ConfigError(
                    argument.line,
                    f"argument {argument.name} is set twice in one block "
                    f"(first on line {first.line})",
                )
            arguments[argument.name] = argument
        elif child.data == "block":
            blocks.append(_block(child))
    return arguments, blocks


def _block(tree: Tree[Any]) -> Block:
    line = tree.meta.line
    names = [
        _label(child, line)
        for child in tree.children
        if isinstance(child, Tree) and child.data in ("identifier", "string")
    ]
    arguments, blocks = _contents(_body(tree))
    return Block(names[0], tuple(names[1:]), line, arguments, tuple(blocks))


def _label(tree: Tree[Any], line: int) -> str:
    if tree.data == "identifier":
        return str(tree.children[0])
    text = []
    for part in tree.children:
        if isinstance(part, Token):
            continue  # the quotes
        for piece in part.children:
            if not isinstance(piece, Token):
                raise ConfigError(line, "a block label must be a plain string, not a template")
            text.append(str(piece))
    return "".join(text)


def _argument(tree: Tree[Any]) -> Argument:
    import hcl2

    name = str(tree.children[0].children[0])
    options = hcl2.SerializationOptions(
        with_comments=False, explicit_blocks=False, preserve_heredocs=False
    )
    line = tree.meta.line
    try:
        alone = hcl2.transform(Tree("start", [Tree("body", [tree])]))
        value = hcl2.serialize(alone, serialization_options=options)[name]
    except RecursionError:
        raise
    except Exception as exc:  # hcl2 parsed it but cannot represent it: not a user's bug
        raise ConfigError(line, f"the value of {name} cannot be read ({exc})") from None
    return Argument(name, _decode(value), line, frozenset(_traversals(tree)))


def _traversals(tree: Tree[Any]) -> Iterator[tuple[str, ...]]:
    """`a.b.c` in the value, as ("a", "b") and ("a", "b", "c")."""
    for node in tree.iter_subtrees():
        if node.data == "get_attr_expr_term":
            chain = _chain(node)
            if chain is not None:
                yield chain


def _chain(node: Tree[Any]) -> tuple[str, ...] | None:
    """The names of `root.attr.attr`, or None when the root is not a plain name."""
    names: list[str] = []
    while node.data == "get_attr_expr_term":
        base, get_attr = node.children[0], node.children[1]
        names.extend(
            str(child.children[0])
            for child in get_attr.children
            if isinstance(child, Tree) and child.data == "identifier"
        )
        if not (isinstance(base, Tree) and base.data == "expr_term" and base.children):
            return None
        node = base.children[0]
        if not isinstance(node, Tree):
            return None
    if node.data != "identifier":
        return None
    names.append(str(node.children[0]))
    return tuple(reversed(names))


def _decode(value: Any) -> Any:
    """hcl2's serialised value as plain Python: quoted strings lose their quotes and escapes,
    `${...}` expressions and templates become `Expr`."""
    if isinstance(value, str):
        return _decode_text(value)
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, dict):
        return {_decode_key(k): _decode(v) for k, v in value.items()}
    return value


def _decode_key(key: str) -> str:
    if len(key) >= 2 and key[0] == key[-1] == '"':
        return _unescape(key[1:-1])
    return key


def _decode_text(text: str) -> str | Expr:
    if len(text) >= 2 and text[0] == text[-1] == '"':
        inner = text[1:-1]
        unescaped = inner.replace("$${", "").replace("%%{", "")
        if "${" in unescaped or "%{" in unescaped:
            return Expr(text)
        return _unescape(inner.replace("$${", "${").replace("%%{", "%{"))
    if text.startswith("${") and text.endswith("}"):
        return Expr(text[2:-1])
    return Expr(text)  # a bare keyword, such as a variable's `type = string`


def _unescape(text: str) -> str:
    out: list[str] = []
    chars = iter(text)
    for char in chars:
        if char == "\\":
            escaped = next(chars, "")
            out.append(_ESCAPES.get(escaped, "\\" + escaped))
        else:
            out.append(char)
    return "".join(out)
