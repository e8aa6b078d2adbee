"""Ways of asking a model for records: ``cited`` (small local models) and ``single`` (API models)."""
