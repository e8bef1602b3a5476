"""Moving prep's content and progress out of prep: Anki decks (and later whole-progress files)."""
