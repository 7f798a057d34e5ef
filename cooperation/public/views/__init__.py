"""Public pages. Only published records are ever shown."""
