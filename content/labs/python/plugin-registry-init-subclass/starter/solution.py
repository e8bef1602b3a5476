import abc


class Plugin(abc.ABC):
    """Base class of importers; `class X(Plugin, name="x")` registers X under "x"."""

    def __init_subclass__(cls, *, name: str | None = None, **kwargs) -> None:
        raise NotImplementedError

    @classmethod
    def create(cls, name: str, /, *args, **kwargs) -> "Plugin":
        """Instantiate the plugin registered under `name`."""
        raise NotImplementedError

    @classmethod
    def available(cls) -> list[str]:
        """The registered names, sorted."""
        raise NotImplementedError

    @abc.abstractmethod
    def load(self, text: str) -> list:
        """Parse one file's text into records."""
