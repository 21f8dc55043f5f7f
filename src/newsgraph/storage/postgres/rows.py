"""How article values become PostgreSQL values: shared by the store's ``put`` and the bulk loader (:mod:`.bulk`)."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Optional

from ...errors import StoreError
from ...model import Article
from ...record import to_record


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def _t(value: Optional[str]) -> Optional[str]:
    """A value PostgreSQL text can hold (no NUL), of the same length."""
    return None if value is None else value.replace("\x00", "\ufffd")


def _encode_record(article: Article) -> str:
    """The record as stored JSON; refuse what JSON cannot hold exactly (NaN, sets, lone surrogates)."""
    try:
        text = _json(to_record(article))
        text.encode("utf-8")
    except (TypeError, ValueError) as exc:
        raise StoreError(f"article {article.id!r} cannot be stored: {exc}") from exc
    return text
