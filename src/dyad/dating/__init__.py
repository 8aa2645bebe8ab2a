"""dating."""
