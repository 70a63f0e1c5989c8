"""Scaffold: a new project's documents, every answer still to be provided."""
