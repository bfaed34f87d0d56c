"""Ways to present and export extracted documents."""
