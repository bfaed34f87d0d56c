"""The places stage."""
