"""Facet lexemes: the entities an article names, as a tsvector beside its words under the same GIN index.

The entity filter used to be a semi-join on the article pk: the pks of a name's articles cannot become a bitmap
of the articles' rows, so the planner probed every one of them (5,088 for a frequent person at 10^5 articles) and
tested each one's 5 KiB tsvector. With the name in ``articles.facets`` (schema version 7), indexed together with
``tsv`` in one two-column GIN index, a filtered search is one GIN scan: the index intersects the words' posting
lists with the name's (skipping through the longer ones) and the heap is read for the articles passing both.

Lexemes (unparsed strings: ``array_to_tsvector`` and quoted tsquery literals, no dictionary):

- ``e:<term>`` for each word-start term of each entity name key of the article (exactly its ``entity_terms``
  rows), cut to :data:`LEXEME_CHARS` characters. The filter "a name with a word starting with K" is the prefix
  query ``'e:K':*``: for a K no longer than the cut, K starts a term exactly when it starts the cut term (both are
  prefixes by code point; UTF-8 byte order is code point order). A longer K falls back to the SQL filter.
- ``g:<id>`` for each cross-article entity id the article's entities are linked to (an id longer than the cut
  falls back to the SQL filter at query time: a cut id would match any id sharing its first characters).
- ``x:over`` alone when the lexemes of an article would pass :data:`MAX_BYTES` (a tsvector holds at most 1 MB: a
  junk page whose "names" run to thousands of long words must still be stored). Every entity-filtered search
  takes such an article as a candidate and tests it with the SQL filter; none of the search corpus's is one.

The tokens hold what ``entity_terms`` and ``entities.global_id`` hold for the article's current revision; both are
written once, when the revision is stored, and never changed, so the tokens never go stale.
"""
from __future__ import annotations

from typing import Optional

from ...model import Article
from ..words import key, terms
from .rows import _t

#: Characters of a name term or an entity id a lexeme keeps (4 bytes a character at most: under the 2 KiB limit).
LEXEME_CHARS = 200
#: Bytes of lexeme text past which an article's facets are the one marker :data:`OVER`.
MAX_BYTES = 256 * 1024
OVER = "x:over"
ENTITY, GLOBAL = "e:", "g:"

def fill(conn) -> None:
    """Write the facets of every current article from its rows (the schema upgrade fills the new column so, and
    ``reindex`` repairs it): the lexemes :func:`lexemes` builds from the article, with the same cut and limit."""
    conn.execute(_FILL.format(max_bytes=MAX_BYTES))


# Set-based (hash joins over the tables, not a lookup per article: entity_terms has no index by pk). The size is
# summed before lexemes cut alike are merged, in lexemes() too, so both sides agree on which articles are OVER.
_FILL = f"""WITH lex (pk, lexeme) AS (
        SELECT t.pk, '{ENTITY}' || left(t.term, {LEXEME_CHARS}) FROM entity_terms t
        UNION ALL
        SELECT g.pk, '{GLOBAL}' || left(g.global_id, {LEXEME_CHARS}) FROM (
            SELECT DISTINCT a.pk, e.global_id FROM entities e JOIN articles a ON a.id = e.article
            AND a.revision = e.revision AND a.current WHERE e.global_id != '') g),
    per AS (SELECT pk, array_agg(lexeme) AS lexemes, sum(octet_length(lexeme)) AS bytes FROM lex GROUP BY pk)
    UPDATE articles a SET facets = CASE WHEN coalesce(f.bytes, 0) > {{max_bytes}}
        THEN array_to_tsvector(ARRAY['{OVER}']) ELSE array_to_tsvector(coalesce(f.lexemes, '{{{{}}}}')) END
    FROM (SELECT a2.pk, per.lexemes, per.bytes FROM articles a2 LEFT JOIN per ON per.pk = a2.pk
          WHERE a2.current) f
    WHERE a.pk = f.pk"""


def lexemes(article: Article) -> list[str]:
    """The facet lexemes of a stored article (its entities' name terms and linked ids), distinct."""
    names = dict.fromkeys(_t(t) for e in article.entities for t in terms(key(e.name)))  # its entity_terms
    linked = dict.fromkeys(_t(e.global_id) for e in article.entities if e.global_id)
    cut = [ENTITY + t[:LEXEME_CHARS] for t in names] + [GLOBAL + g[:LEXEME_CHARS] for g in linked]
    if sum(len(x.encode("utf-8", "surrogatepass")) for x in cut) > MAX_BYTES:
        return [OVER]
    return list(dict.fromkeys(cut))


def _quoted(lexeme: str) -> str:
    """A lexeme as a quoted tsvector / tsquery literal (backslash and quote escaped)."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(article: Article) -> str:
    """The ``facets`` value of an article, as text PostgreSQL reads as a tsvector (for INSERT and COPY)."""
    return " ".join(_quoted(x) for x in lexemes(article))


#: Linked ids an entity filter turns into lexemes at most; past this, the SQL filter.
MAX_LINKED = 200
# The distinct linked ids of the entities of exactly one name, by jumping along the (name_key, global_id) index
# from one id to the next: a name in 50,000 articles costs a few probes, not 50,000 rows.
_LINKED = """WITH RECURSIVE g (id) AS (
    (SELECT global_id FROM entities WHERE name_key = %(k)s AND global_id > '' ORDER BY global_id LIMIT 1)
    UNION ALL
    SELECT (SELECT e.global_id FROM entities e WHERE e.name_key = %(k)s AND e.global_id > g.id
            ORDER BY e.global_id LIMIT 1) FROM g WHERE g.id IS NOT NULL)
SELECT id FROM g WHERE id IS NOT NULL LIMIT %(n)s"""
_HAS_TERM = "SELECT 1 FROM entity_terms WHERE term >= %s AND term < %s LIMIT 1"


def entity_query(conn, name_key: str, top: str) -> Optional[str]:
    """The tsquery (as text) on ``facets`` that holds exactly the articles the entity filter passes, apart from
    :data:`OVER` articles, which it also holds; None when the filter must stay SQL: no stored name has a word
    starting with ``name_key`` (the filter then tests substrings), the key is longer than the cut, or the name is
    linked to too many or too long ids."""
    if not name_key or len(name_key) > LEXEME_CHARS:
        return None
    if conn.execute(_HAS_TERM, (name_key, name_key + top)).fetchone() is None:
        return None
    linked = [r[0] for r in conn.execute(_LINKED, {"k": name_key, "n": MAX_LINKED + 1}).fetchall()]
    if len(linked) > MAX_LINKED or any(len(g) > LEXEME_CHARS for g in linked):
        return None
    parts = [_quoted(ENTITY + name_key) + ":*", _quoted(OVER)] + [_quoted(GLOBAL + g) for g in linked]
    return " | ".join(parts)


def over_query() -> str:
    return _quoted(OVER)
