"""Signing in to the admin: throttling failed sign-ins by account and address, the sign-in
form that applies it, and the time limits of staff sessions."""
