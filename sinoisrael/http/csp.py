"""The Content-Security-Policy sent with every response (Django's built-in CSP middleware).

Public pages load scripts and styles from the site only. The admin's few inline
`<script>`/`<style>` elements carry the per-request nonce (`{% csp_nonce_attr %}`); the
middleware adds `'nonce-…'` to the header only on pages that used it.
"""

from django.utils.csp import CSP

CONTENT_SECURITY_POLICY = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
