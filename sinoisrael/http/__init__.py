"""What every request passes: security headers (csp), error pages and outage handling
(errors, middleware), the health check, and the client's address behind trusted proxies."""
