from typing import Any

#: In AWS: boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"]), built once per execution
#: environment. The checks replace it with a fake Table before each call.
TABLE: Any = None


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Route an HTTP API (payload format 2.0) request and return the proxy response."""
    raise NotImplementedError
