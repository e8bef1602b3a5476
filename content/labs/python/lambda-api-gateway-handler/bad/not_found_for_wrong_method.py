"""An orders API: one Lambda function behind an API Gateway HTTP API (payload format 2.0)."""

import base64
import binascii
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

#: In AWS: boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"]), built once per execution
#: environment so warm invocations reuse it. The checks replace it with a fake Table.
TABLE: Any = None

Response = dict[str, Any]


class BadRequest(Exception):
    """The client sent something we cannot use: answered with 400."""


def handler(event: dict[str, Any], context: Any) -> Response:
    method: str = event["requestContext"]["http"]["method"]
    parts = [part for part in event["rawPath"].split("/") if part]
    routes: dict[str, Callable[..., Response]]
    if parts == ["orders"]:
        routes, args = {"GET": _list_orders, "POST": _create_order}, ()
    elif len(parts) == 2 and parts[0] == "orders":
        routes, args = {"DELETE": _delete_order, "GET": _get_order}, (parts[1],)
    else:
        return _error(404, f"no resource at {event['rawPath']}")
    action = routes.get(method)
    if action is None:
        return _error(404, f"no route for {method} {event['rawPath']}")
    try:
        return action(event, context, *args)
    except BadRequest as exc:
        return _error(400, str(exc))


def _list_orders(event: dict[str, Any], context: Any) -> Response:
    # Payload 2.0 omits queryStringParameters entirely when the URL has no query string.
    sku = (event.get("queryStringParameters") or {}).get("sku")
    items = TABLE.scan()["Items"]
    orders = sorted(
        (item for item in items if sku is None or item["sku"] == sku), key=lambda i: i["id"]
    )
    return _json(200, {"orders": orders})


def _create_order(event: dict[str, Any], context: Any) -> Response:
    data = _json_body(event)
    sku, quantity = data.get("sku"), data.get("quantity")
    if not isinstance(sku, str) or not sku:
        raise BadRequest("sku must be a non-empty string")
    # bool is a subclass of int: `true` is not a quantity.
    if type(quantity) is not int or quantity < 1:
        raise BadRequest("quantity must be a positive integer")
    order = {"id": context.aws_request_id, "sku": sku, "quantity": quantity}
    TABLE.put_item(Item=order)
    return _json(201, order, location=f"/orders/{order['id']}")


def _get_order(event: dict[str, Any], context: Any, order_id: str) -> Response:
    item = TABLE.get_item(Key={"id": order_id}).get("Item")
    if item is None:
        return _error(404, f"order {order_id} not found")
    return _json(200, item)


def _delete_order(event: dict[str, Any], context: Any, order_id: str) -> Response:
    old = TABLE.delete_item(Key={"id": order_id}, ReturnValues="ALL_OLD").get("Attributes")
    if old is None:
        return _error(404, f"order {order_id} not found")
    return {"statusCode": 204, "headers": {}, "body": ""}


def _json_body(event: dict[str, Any]) -> dict[str, Any]:
    raw = event.get("body")
    if raw is None:
        raise BadRequest("a JSON body is required")
    if event.get("isBase64Encoded"):
        try:
            raw = base64.b64decode(raw, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError) as exc:
            raise BadRequest("the body is not valid base64-encoded UTF-8") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise BadRequest(f"the body is not valid JSON: {exc.msg}") from exc
    if not isinstance(data, dict):
        raise BadRequest("the body must be a JSON object")
    return data


def _json(status: int, payload: Any, **headers: str) -> Response:
    return {
        "statusCode": status,
        "headers": {"content-type": "application/json", **headers},
        "body": json.dumps(payload, default=_from_dynamodb),
    }


def _error(status: int, message: str, **headers: str) -> Response:
    return _json(status, {"message": message}, **headers)


def _from_dynamodb(value: Any) -> Any:
    """The resource API returns every number as Decimal, which json cannot encode."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
