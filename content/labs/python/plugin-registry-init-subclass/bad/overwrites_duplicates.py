import abc
from typing import Any, ClassVar


class Plugin(abc.ABC):
    """Base class of importers; `class X(Plugin, name="x")` registers X under "x"."""

    #: One registry for the whole hierarchy: subclasses only ever read it through Plugin.
    _registry: ClassVar[dict[str, type["Plugin"]]] = {}

    def __init_subclass__(cls, *, name: str | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if name is None:
            return  # an intermediate base or a variant: not a plugin of its own
        Plugin._registry[name] = cls

    @classmethod
    def create(cls, name: str, /, *args: Any, **kwargs: Any) -> "Plugin":
        """Instantiate the plugin registered under `name`."""
        try:
            plugin = Plugin._registry[name]
        except KeyError:
            known = ", ".join(sorted(Plugin._registry)) or "none"
            raise KeyError(f"no plugin named {name!r} (available: {known})") from None
        return plugin(*args, **kwargs)

    @classmethod
    def available(cls) -> list[str]:
        """The registered names, sorted."""
        return sorted(Plugin._registry)

    @abc.abstractmethod
    def load(self, text: str) -> list:
        """Parse one file's text into records."""
