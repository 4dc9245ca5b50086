"""nota: Dutch council documents from structured YAML."""

__version__ = "0.1.0"
