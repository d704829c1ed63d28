"""Indexer: read, clean, split and embed the corpus into Chroma and a keyword index."""
