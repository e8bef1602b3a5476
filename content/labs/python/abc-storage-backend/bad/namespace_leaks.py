from __future__ import annotations

from abc import ABC, abstractmethod


class Storage(ABC):
    """Blob storage: four primitives per backend, shared logic in template methods."""

    @abstractmethod
    def _read(self, key: str) -> bytes:
        """The bytes stored under `key`; KeyError when absent."""

    @abstractmethod
    def _write(self, key: str, data: bytes) -> None:
        """Store `data` under `key`, replacing any previous value."""

    @abstractmethod
    def _delete(self, key: str) -> None:
        """Remove `key`; KeyError when absent."""

    @abstractmethod
    def keys(self) -> list[str]:
        """The stored keys, sorted."""

    def get(self, key: str, default: bytes | None = None) -> bytes | None:
        try:
            return self._read(key)
        except KeyError:
            return default

    def put(self, key: str, data: bytes) -> None:
        if not isinstance(data, bytes):
            raise TypeError(f"data must be bytes, not {type(data).__name__}")
        if not key or ":" in key:
            raise ValueError(f"invalid key {key!r}: it must be non-empty and contain no ':'")
        self._write(key, data)

    def sync_to(self, target: Storage) -> dict[str, list[str]]:
        ours = set(self.keys())
        written = []
        for key in sorted(ours):
            data = self._read(key)
            if target.get(key) != data:
                target._write(key, data)
                written.append(key)
        deleted = sorted(set(target.keys()) - ours)
        for key in deleted:
            target._delete(key)
        return {"written": written, "deleted": deleted}


class MemoryStorage(Storage):
    def __init__(self) -> None:
        self._data: dict[str, bytes] = {}

    def _read(self, key: str) -> bytes:
        return self._data[key]

    def _write(self, key: str, data: bytes) -> None:
        self._data[key] = data

    def _delete(self, key: str) -> None:
        del self._data[key]

    def keys(self) -> list[str]:
        return sorted(self._data)


class NamespacedStorage(Storage):
    def __init__(self, backend: dict[str, bytes], namespace: str) -> None:
        self._backend = backend
        self._prefix = f"{namespace}:"

    def _read(self, key: str) -> bytes:
        return self._backend[self._prefix + key]

    def _write(self, key: str, data: bytes) -> None:
        self._backend[self._prefix + key] = data

    def _delete(self, key: str) -> None:
        del self._backend[self._prefix + key]

    def keys(self) -> list[str]:
        return sorted(name.partition(":")[2] for name in self._backend)
