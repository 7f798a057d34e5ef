"""Which database serves a query: the primary, or its read replica (DATABASE_REPLICA_URL)."""
