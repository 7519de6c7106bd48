"""Stage 3, mentions: one module per entity class, each ``find(article) -> list[Mention]``."""
