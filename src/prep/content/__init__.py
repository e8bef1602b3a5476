"""Content as data: the curriculum, lessons, cards and model answers, loaded into a Catalog."""
