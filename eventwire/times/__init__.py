"""The times stage."""
