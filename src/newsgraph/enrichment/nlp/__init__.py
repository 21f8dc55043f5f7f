"""The spaCy model: loaded and verified once per process (``loader``), made faster without changing its output
(``rules``: indexed attribute-ruler matching; ``ops``: matrix products through numpy's BLAS)."""

from .loader import DEFAULT_MODEL, EXPECTED, NEEDED, ModelInfo, load, verify_meta

__all__ = ["DEFAULT_MODEL", "EXPECTED", "NEEDED", "ModelInfo", "load", "verify_meta"]
