"""CSV export of every record type, shared by the admin and the public list pages."""
