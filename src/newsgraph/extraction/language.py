"""Language identification with py3langid, whose model ships inside the package (nothing downloads)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

MIN_LETTERS = 20  # below this, n-gram statistics guess more than they measure
MIN_CONFIDENCE = 0.3
SAMPLE_CHARS = 1500  # the first paragraphs decide; identification cost grows with the sample
_LETTER = re.compile(r"[^\W\d_]")
_NO_LANGUAGE = {"zxx"}  # py3langid's "no linguistic content"


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> Optional[str]:
    """ISO 639-1 code of ``text`` (ISO 639-3 where the language has no two-letter code); None when unsure.

    Short or empty texts and low-confidence guesses give None rather than a wrong code.
    """
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    code, prob = _identifier().classify(sample)
    if code in _NO_LANGUAGE or prob < MIN_CONFIDENCE:
        return None
    return code
