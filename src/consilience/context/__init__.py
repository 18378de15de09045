"""Story context: what surrounds the claims of a story (its timeline, its flags)."""
