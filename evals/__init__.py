"""Evaluation of retrieval and answers on gold questions."""
