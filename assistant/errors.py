"""Domain errors. Turned into HTTP errors only in `api/`, into messages only in the CLIs."""


class AsistenError(Exception):
    """Base class of every error the project raises on purpose."""


class ConfigError(AsistenError):
    """A setting is missing or inconsistent."""


class BackendUnavailable(AsistenError):
    """An optional backend's package or model is not installed; the message says how to install it."""


class IndexNotFound(AsistenError):
    """No index has been built yet under the data dir."""


class DocumentNotFound(AsistenError):
    """A document id that the manifest does not know."""


class PasalNotFound(AsistenError):
    """A Pasal that does not exist in a known document."""


class ReadError(AsistenError):
    """A file could not be read; the message names the reason."""


class GeneratorError(AsistenError):
    """An LLM backend failed (down, timeout, bad reply)."""
