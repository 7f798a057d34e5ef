"""What machines read of the public pages: robots.txt, the sitemap, structured data, share
previews and canonical addresses."""
