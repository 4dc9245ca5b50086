"""Writing-quality checks (warnings): filled in by the checks issue."""
