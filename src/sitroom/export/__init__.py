"""Writing what a room knows in the formats other tools read."""
