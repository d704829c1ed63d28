"""Reliability and security tests of the API (GitHub issue 6)."""
