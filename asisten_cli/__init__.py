"""The ``asisten`` command: one small app composed of each package's own sub-commands.

Data flows one way (indexer → assistant ← api, evals → assistant); only this package sees them all.
"""
