"""prep: local-first interview preparation for a senior Python backend role."""

__version__ = "0.1.0"
