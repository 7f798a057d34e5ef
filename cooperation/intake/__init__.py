"""Reading an article: fetch it, extract its text, recognize the names and dates in it, and
propose the records it reports for an analyst to confirm."""
