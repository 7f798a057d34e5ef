"""What readers see: the published-only queries, the list filters and search, the pages
(home, lists, details, staff previews), their URLs, and the activity chart."""
