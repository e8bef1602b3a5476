"""Schemas of coding problems: content/problems/<slug>/ (problem.yaml, cases.yaml, statement.md,
starter.py, reference.py, optional generator.py and checker.py, and bad/ solutions)."""

from __future__ import annotations

import ast
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from prep.content.models import Difficulty, Slug, Strict, Text
from prep.content.python_ast import parse_python

#: What a known-bad solution may be declared to get (every verdict but accepted).
Rejection = Literal[
    "wrong_answer", "time_limit", "memory_limit", "runtime_error", "compile_error", "output_limit"
]
#: The growth classes the judge fits (prep.judge.complexity holds their functions).
ComplexityClass = Literal["O(1)", "O(log n)", "O(n)", "O(n log n)", "O(n^2)", "O(n^3)", "O(2^n)"]


class BadSolution(Strict):
    file: str = Field(pattern=r"^[a-z0-9_]+\.py$")
    verdict: Rejection
    why: Text


class PerfCase(Strict):
    """A large case made by generator.py; its expected output comes from the reference solution."""

    name: Slug
    n: int = Field(ge=1)
    seed: int = 0
    why: Text
    time_limit_ms: int | None = Field(default=None, ge=10, le=20_000)


class ComplexitySpec(Strict):
    expected: ComplexityClass
    min_n: int = Field(ge=1)
    max_n: int = Field(ge=2)

    @model_validator(mode="after")
    def _range(self) -> ComplexitySpec:
        if self.max_n < 16 * self.min_n:
            raise ValueError("max_n must be at least 16 times min_n for a trustworthy fit")
        return self


class ProblemSpec(Strict):
    title: Text
    difficulty: Difficulty
    topics: tuple[Slug, ...] = Field(min_length=1)
    pattern: Text
    kind: Literal["function", "design"] = "function"
    signature: Text | None = None  # function problems: "def name(a: T, ...) -> R"
    class_name: str | None = None  # design problems
    methods: tuple[Text, ...] = ()  # design problems: "def get(self, key: int) -> int"
    inplace_arg: str | None = None  # graded on this argument after the call, not the return value
    compare: Literal["exact", "unordered", "unordered_nested", "float"] = "exact"
    time_limit_ms: int = Field(default=1000, ge=10, le=20_000)
    memory_limit_mb: int = Field(default=256, ge=16, le=2048)
    forbidden: tuple[str, ...] = ()
    complexity: ComplexitySpec | None = None
    perf_cases: tuple[PerfCase, ...] = ()
    bad: tuple[BadSolution, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _shape(self) -> ProblemSpec:
        if self.kind == "function":
            if not self.signature:
                raise ValueError("a function problem needs `signature`")
            parse_signature(self.signature)
        elif not self.class_name or not self.methods:
            raise ValueError("a design problem needs `class_name` and `methods`")
        return self

    @property
    def entry(self) -> str:
        if self.kind == "design":
            assert self.class_name
            return self.class_name
        return parse_signature(self.signature or "")[0]


def parse_signature(signature: str) -> tuple[str, list[tuple[str, str]], str]:
    """(name, [(param, annotation)], return annotation) of `def name(...) -> R`."""
    try:
        tree = parse_python(signature.strip().removesuffix(":") + ":\n    ...\n")
    except SyntaxError as exc:
        raise ValueError(f"signature is not a Python def: {exc.msg}") from None
    func = tree.body[0]
    if not isinstance(func, ast.FunctionDef):
        raise ValueError("signature must be a `def`")
    params = [(a.arg, ast.unparse(a.annotation) if a.annotation else "") for a in func.args.args]
    return func.name, params, ast.unparse(func.returns) if func.returns else ""


def structure_kind(annotation: str) -> str:
    """How the harness converts a value: ListNode and TreeNode are given as plain lists."""
    if "ListNode" in annotation:
        return "list_node"
    if "TreeNode" in annotation:
        return "tree_node"
    return "plain"


class CaseSpec(Strict):
    name: Slug
    why: Text
    sample: bool = False
    input: dict[str, Any]
    expected: Any
    time_limit_ms: int | None = Field(default=None, ge=10, le=20_000)


class CasesFileSpec(Strict):
    cases: tuple[CaseSpec, ...] = Field(min_length=1)

    @field_validator("cases")
    @classmethod
    def _unique_names(cls, cases: tuple[CaseSpec, ...]) -> tuple[CaseSpec, ...]:
        names = [c.name for c in cases]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ValueError(f"duplicate case names: {', '.join(duplicates)}")
        if not any(c.sample for c in cases):
            raise ValueError("at least one case must be a sample (sample: true)")
        return cases
