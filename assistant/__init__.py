"""Asisten ASN: retrieval, grounded answers and citations over Indonesian civil-service regulations."""
