"""Bridges to the tools model teams already use: Hugging Face, CycloneDX, pre-commit."""
