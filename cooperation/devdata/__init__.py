"""Development data: the four starting articles' records and their loader, and synthetic
records in bulk for benchmarks (`load_sample_data`, `generate_synthetic_data`)."""
