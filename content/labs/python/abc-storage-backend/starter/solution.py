from abc import ABC


class Storage(ABC):
    """Blob storage: four primitives per backend, shared logic in template methods."""

    def _read(self, key: str) -> bytes:
        raise NotImplementedError

    def _write(self, key: str, data: bytes) -> None:
        raise NotImplementedError

    def _delete(self, key: str) -> None:
        raise NotImplementedError

    def keys(self) -> list[str]:
        raise NotImplementedError

    def get(self, key: str, default: bytes | None = None) -> bytes | None:
        raise NotImplementedError

    def put(self, key: str, data: bytes) -> None:
        raise NotImplementedError

    def sync_to(self, target: "Storage") -> dict[str, list[str]]:
        raise NotImplementedError


class MemoryStorage(Storage):
    def __init__(self) -> None:
        raise NotImplementedError


class NamespacedStorage(Storage):
    def __init__(self, backend: dict[str, bytes], namespace: str) -> None:
        raise NotImplementedError
