"""The attribution stage."""
