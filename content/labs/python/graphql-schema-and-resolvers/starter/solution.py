from typing import Any

from graphql import ExecutionResult, GraphQLSchema

# Write the schema in SDL here, then build it with graphql.build_schema in make_schema.
SDL = """
"""


def make_schema() -> GraphQLSchema:
    """Build the schema from SDL and attach the resolvers to its fields."""
    raise NotImplementedError


def execute(
    schema: GraphQLSchema, store: Any, query: str, variables: dict[str, Any] | None = None
) -> ExecutionResult:
    """Run one GraphQL request against `store` and return graphql_sync's result."""
    raise NotImplementedError
