"""The read-only JSON API under /api/v1/: the public lists' records for programs, with the
lists' own filters, cursor pages for harvesting, and an OpenAPI document made from the same
declarations as the responses (README, "The JSON API")."""
