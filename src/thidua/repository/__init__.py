"""Files: safe YAML with positions, loading, writing, the shipped national registry."""
