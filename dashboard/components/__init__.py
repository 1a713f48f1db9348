"""Page building blocks: bound controls and declarative chart blocks."""
