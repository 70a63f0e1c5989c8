"""YAML 1.2, parsed and written in one place."""
