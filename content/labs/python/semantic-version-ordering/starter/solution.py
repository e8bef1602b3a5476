class Version:
    """A Semantic Versioning 2.0.0 version, ordered by SemVer precedence."""

    major: int
    minor: int
    patch: int
    prerelease: tuple[str, ...]
    build: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> "Version":
        raise NotImplementedError
