"""FastAPI service and web chat of Asisten ASN."""
