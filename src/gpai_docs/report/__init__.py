"""Report: validation results as text, JSON, SARIF and GitHub annotations; generated references."""
