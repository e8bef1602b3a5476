import contextlib


@contextlib.contextmanager
def override(obj, **attrs):
    """Set attributes of `obj` for the duration of the block, then put everything back."""
    raise NotImplementedError
    yield obj
