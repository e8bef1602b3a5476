"""Interview practice beyond cards: the behavioral story bank (and later mocks and designs)."""
