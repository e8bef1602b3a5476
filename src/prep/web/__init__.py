"""The web app and the versioned JSON API: thin shells over the same services as the CLI."""
