"""Concrete backends behind the Protocols in `assistant.protocols`."""
