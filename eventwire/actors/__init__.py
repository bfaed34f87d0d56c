"""The actors stage."""
