"""Validate: the schema, the rules and the determinations."""
