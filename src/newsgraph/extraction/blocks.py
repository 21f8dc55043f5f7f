"""Main-content finding on a selectolax (lexbor) DOM: linearise the page into text blocks, score them, choose the
container that holds the article, and keep its paragraphs.

One walk over the body does the work. Subtrees that are boilerplate by tag (``nav``, ``aside``, ``form``, …) or by
a class/id token (``comments``, ``share``, ``related``, ``sidebar``, …) or hidden are skipped. Inline content is
gathered into *blocks* (a paragraph, a list item, a heading, text between ``<br>``s), each remembering how much of
its text sits inside links and which container element it belongs to.

Choosing the container follows the idea readability made popular, with our own features: every prose-like block
adds a score to its container, half of it to the container above and a third to the one above that; a container's
total is scaled by its own link density and by cues (``<article>``, ``<main>``, ``itemprop=articleBody``, class
words like ``article-body`` vs ``comment``). The best container wins, with siblings that score close to it (an
article split over several ``div``\\ s). Inside it, link lists, bare labels and short link-dense lines are dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

SKIP_TAGS = frozenset("""script style noscript nav aside form iframe svg button select option textarea template
    canvas map object embed video audio input label dialog menu head footer figure picture""".split())
BLOCK_TAGS = frozenset("""p div section article main li ul ol dl dt dd h1 h2 h3 h4 h5 h6 blockquote pre table tr tbody
    thead tfoot caption figcaption header address center fieldset hr details summary body""".split())
# removed before anything is measured: their text is code, and it would swell every length
_STRIP_FIRST = ("script", "style", "noscript", "template", "svg")
CELLS = frozenset(("td", "th"))  # inline: a table row reads as one line, its cells apart by spaces
HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_PARTS = frozenset("table tbody thead tfoot tr ul ol dl li".split())
# Class/id tokens that mark boilerplate. Matched against whole tokens split on - and _ so "comments" hits
# "post-comments" but "commentary" does not.
_BAD_WORDS = re.compile(
    r"(?:^|[-_ ])(?:comments?|commentlist|disqus|share|sharing|social|socials|related|recommended|recirc|promo|"
    r"promotion|cookies?|consent|gdpr|newsletter|subscribe|subscription|signup|sidebar|sidebars|widgets?|"
    r"ads?|advert|advertisement|adslot|sponsor(?:ed)?|outbrain|taboola|popup|modal|breadcrumbs?|pagination|"
    r"pager|tags|tag-list|byline|author-bio|bio|footer|masthead|navbar|nav|menu|toolbar|skip|"
    r"visually-hidden|sr-only|screen-reader-text|caption|credit|most-popular|trending|read-more|more-stories|"
    r"rail|paywall|inline-signup|jump-link|tooltip|popover|rollover|hovercard)(?:$|[-_ ])", re.I)
# An embedded post the author quotes (a tweet, an Instagram post) sits in a "social-media-embed" box: content.
_EMBED_WORDS = re.compile(r"(?:^|[-_ ])embed(?:ded)?(?:$|[-_ ])", re.I)
_GOOD_WORDS = re.compile(r"article|body|content|entry|main|post|story|text|prose|blog|news", re.I)
_WEAK_WORDS = re.compile(r"comment|meta|footer|related|share|social|sidebar|promo|widget|teaser|card|nav", re.I)
_SENTENCE_END = re.compile(r"[.!?…。、:\"”’»)]\s*$")
_PUNCT = re.compile(r"[,.;:!?]")
_WS = re.compile(r"\s+")
MIN_BLOCK_CHARS = 25  # shorter text is a label or a caption fragment: it does not vote for a container
MAX_DEPTH = 400
CHUNK_LEVELS = 3
MIN_SENTENCE_CHARS = 80  # a block this long ending in a stop is a sentence of the author's
MAX_BOILER_SHARE = 0.3  # a "boilerplate" element holding more of the page's text than this is kept


@dataclass(slots=True)
class Block:
    text: str
    links: int  # characters inside <a>
    tag: str
    container: int
    heading: bool = False

    @property
    def link_density(self) -> float:
        return self.links / len(self.text) if self.text else 0.0


@dataclass(slots=True)
class Container:
    tag: str
    signature: str  # tag and class: an article cut into chunks repeats it
    parent: int
    depth: int
    bonus: float
    score: float = 0.0
    # an <article> element: its text votes for it and what is inside it, not for the page around it (HTML
    # nests <article>s for related posts and comments, which would otherwise lift their common wrapper)
    boundary: bool = False
    chars: int = 0
    link_chars: int = 0
    sentences: int = 0  # prose blocks inside (at any depth): a full sentence of some length, few links


@dataclass(slots=True)
class Layout:
    """The page as blocks in document order and the containers they sit in."""

    blocks: list[Block] = field(default_factory=list)
    containers: list[Container] = field(default_factory=list)


def _attr_words(attrs: dict) -> str:
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''}".strip()


def _is_boilerplate(tag: str, attrs: dict, node=None, page_chars: int = 0) -> bool:
    if not attrs:
        return False  # (most elements: a bare <p>, <span>, <li>)
    if attrs.get("hidden") is not None or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style") or ""
    if "display:none" in style.replace(" ", "").lower():
        return True
    if tag in ("article", "main", "body") or (attrs.get("itemprop") or "").lower() == "articlebody":
        return False
    role = (attrs.get("role") or "").lower()
    if role in ("navigation", "complementary", "banner", "contentinfo", "dialog", "menu", "menubar", "search"):
        return True
    if not _bad_words(_attr_words(attrs)):
        return False
    # A class word is a hint, not proof: a wrapper that holds much of the page's text ("has-sidebar",
    # "elementor-widget") is layout, and skipping it would lose the article.
    return node is None or len(node.text(deep=True)) < page_chars * MAX_BOILER_SHARE


@lru_cache(maxsize=8192)  # class strings repeat across a page and across a site's pages
def _bad_words(words: str) -> bool:
    # "entry-content read-more" or "box article modal": a content word outweighs a boilerplate word
    return bool(words) and bool(_BAD_WORDS.search(words)) and not _GOOD_WORDS.search(words) \
        and not _EMBED_WORDS.search(words)


def _cue_bonus(tag: str, attrs: dict) -> float:
    if not attrs:
        return _cue_bonus_of(tag, "", False)
    return _cue_bonus_of(tag, _attr_words(attrs), (attrs.get("itemprop") or "").lower() == "articlebody")


@lru_cache(maxsize=8192)
def _cue_bonus_of(tag: str, words: str, article_body: bool) -> float:
    """A multiplier from what the element says about itself."""
    bonus = 1.0
    if tag == "article":
        bonus *= 1.3
    elif tag == "main":
        bonus *= 1.1
    if article_body:
        bonus *= 1.6
    if words:
        if _GOOD_WORDS.search(words):
            bonus *= 1.25
        if _WEAK_WORDS.search(words):
            bonus *= 0.6
    return bonus


class _Walker:
    """One pass over the DOM that fills a :class:`Layout`."""

    def __init__(self, page_chars: int) -> None:
        self.page_chars = page_chars
        self.layout = Layout()
        self.parts: list[str] = []
        self.links = 0
        self.block_tag = "body"
        self.current = -1

    def flush(self) -> None:
        if not self.parts:
            return
        text = _WS.sub(" ", "".join(self.parts)).strip()
        self.parts = []
        links, self.links = self.links, 0
        if text:
            self.layout.blocks.append(Block(text, min(links, len(text)), self.block_tag, self.current,
                                            self.block_tag in HEADINGS))

    def element(self, node, depth: int, in_link: bool) -> None:
        tag = node.tag
        if tag in SKIP_TAGS or depth > MAX_DEPTH:
            return
        attrs = node.attributes
        if _is_boilerplate(tag, attrs, node, self.page_chars):
            return
        if tag == "br":
            self.flush()
            return
        if tag not in BLOCK_TAGS:
            if tag in CELLS:
                self.parts.append(" ")
            self.children(node, depth, in_link or tag == "a")
            if tag in CELLS:
                self.parts.append(" ")
            return
        self.flush()
        saved = (self.block_tag, self.current)
        self.layout.containers.append(Container(tag, f"{tag}.{attrs.get('class') or ''}", self.current, depth,
                                                _cue_bonus(tag, attrs), boundary=tag == "article"))
        self.current, self.block_tag = len(self.layout.containers) - 1, tag
        self.children(node, depth, in_link)
        self.flush()
        self.block_tag, self.current = saved

    def children(self, node, depth: int, in_link: bool) -> None:
        child = node.child
        while child is not None:
            if child.tag == "-text":
                text = child.text_content
                if text:
                    self.parts.append(text)
                    if in_link:
                        self.links += len(text.strip())
            elif child.tag not in ("-comment", "!doctype"):
                self.element(child, depth + 1, in_link)
            child = child.next


def linearise(body) -> Layout:
    walker = _Walker(len(body.text(deep=True)))
    walker.element(body, 0, False)
    walker.flush()
    return walker.layout


def block_score(block: Block) -> float:
    """How much a block looks like article prose: length, punctuation, few links."""
    size = len(block.text)
    if size < MIN_BLOCK_CHARS or block.heading:
        return 0.0
    punct = len(_PUNCT.findall(block.text))
    return (1.0 + min(size / 100.0, 3.0) + min(punct, 10) * 0.5) * (1.0 - block.link_density) ** 2


def score_containers(layout: Layout) -> None:
    containers = layout.containers
    for block in layout.blocks:
        index, share = block.container, 1.0
        # every container up the chain counts the text (for link density); only three levels share the score
        value = block_score(block)
        sentence = len(block.text) >= MIN_SENTENCE_CHARS and block.link_density < 0.3 \
            and not block.heading and bool(_SENTENCE_END.search(block.text))
        level = 0
        while index >= 0:
            box = containers[index]
            box.chars += len(block.text)
            box.link_chars += block.links
            box.sentences += sentence
            if level < 3:
                box.score += value * share
                share = 1.0 / (level + 2)
            level += 1
            if box.boundary and _inside_article(containers, box.parent):
                value = 0.0  # a nested <article>: a related post or a comment, not part of the outer one's text
            index = box.parent


HEADLINE_ARTICLE_BONUS = 1.5


def _favour_headline_article(layout: Layout) -> None:
    """Of several ``<article>`` elements (the post, then related posts or comments), the one holding the page's
    ``<h1>`` is the page's own: it gets a bonus. With one ``<article>`` there is nothing to choose."""
    containers = layout.containers
    if sum(1 for box in containers if box.boundary) < 2:
        return
    headline = next((b for b in layout.blocks if b.tag == "h1"), None)
    index = headline.container if headline else -1
    while index >= 0 and not containers[index].boundary:
        index = containers[index].parent
    if index >= 0:
        containers[index].bonus *= HEADLINE_ARTICLE_BONUS


def _inside_article(containers: list[Container], index: int) -> bool:
    while index >= 0:
        if containers[index].boundary:
            return True
        index = containers[index].parent
    return False


def best_containers(layout: Layout) -> tuple[list[int], float]:
    """The winning container (and close siblings) and its final score; ([], 0) when nothing scores."""
    containers = layout.containers
    if not containers:
        return [], 0.0

    def final(i: int) -> float:
        box = containers[i]
        density = box.link_chars / box.chars if box.chars else 1.0
        return box.score * box.bonus * (1.0 - density)

    best = max(range(len(containers)), key=final)
    top = final(best)
    if top <= 0:
        return [], 0.0
    # A table or a list is part of an article, never all of it: the text that introduces and follows it sits in
    # the element around it, in paragraphs that each score less than the whole table.
    while containers[best].tag in _PARTS and containers[best].parent >= 0:
        best = containers[best].parent
    parent = containers[best].parent
    floor = max(8.0, top * 0.25)
    chosen = [i for i, box in enumerate(containers)
              if i == best or (box.parent == parent and parent >= 0 and final(i) >= floor)]
    return chosen + _neighbours(layout, best) + _chunks(layout, best, final), top


PROSE_NEIGHBOUR_SCORE = 2.5  # one sentence-like block of some length, as scored where it stands
FILLER_CHARS = 150  # an image wrapper, a caption, an ad label: passed over, not taken


def _neighbours(layout: Layout, best: int) -> list[int]:
    """Prose right before and after the winner, in the same parent: a lede or a standfirst set above the lead
    image, a last paragraph after an embed. Each scores too little alone to pass the floor; it is taken because
    it touches the body. Fillers (images, captions) are passed over; anything else ends the walk."""
    containers = layout.containers
    parent = containers[best].parent
    if parent < 0:
        return []
    siblings = [i for i, box in enumerate(containers) if box.parent == parent]
    at = siblings.index(best)
    taken: list[int] = []
    for step in (-1, 1):
        j = at + step
        while 0 <= j < len(siblings):
            box = containers[siblings[j]]
            density = box.link_chars / box.chars if box.chars else 0.0
            if box.boundary:
                break  # another <article>: a related post, not more of this one
            if box.sentences and box.score >= PROSE_NEIGHBOUR_SCORE and density < MAX_NEIGHBOUR_LINKS:
                taken.append(siblings[j])
            elif box.chars >= FILLER_CHARS or density >= MAX_NEIGHBOUR_LINKS and box.chars:
                break
            j += step
    return taken


MAX_NEIGHBOUR_LINKS = 0.25


def _ancestor(layout: Layout, index: int, levels: int) -> int:
    for _ in range(levels):
        if layout.containers[index].parent < 0:
            break
        index = layout.containers[index].parent
    return index


def _chunks(layout: Layout, best: int, final) -> list[int]:
    """Containers that repeat the winner's tag and class near it (one article body cut into chunks by ads)."""
    box = layout.containers[best]
    if box.signature.endswith("."):
        return []  # a bare tag is no evidence of repetition
    root = _ancestor(layout, best, CHUNK_LEVELS)
    return [i for i, other in enumerate(layout.containers)
            if i != best and other.signature == box.signature and final(i) > 0
            and _ancestor(layout, i, CHUNK_LEVELS) == root]


def _inside(layout: Layout, index: int, chosen: set[int]) -> bool:
    while index >= 0:
        if index in chosen:
            return True
        index = layout.containers[index].parent
    return False


def keep_block(block: Block) -> bool:
    """Inside the chosen container: drop link lists, short link-dense lines and bare labels."""
    words = len(block.text.split())
    if block.link_density > 0.5 and (words < 40 or block.link_density > 0.8) and not _linked_sentence(block) \
            and not _PRINTED_URL.match(block.text):
        return False
    if block.heading:
        return words <= 30
    if words < 4 and len(block.text) < 20 and not _SENTENCE_END.search(block.text):
        return False  # "Share", "Advertisement", "Photo: AP": a label, not prose
    return True


# A link the author prints in full ("http://example.org/report") is text of the article: menus and teaser
# lists show titles, not addresses.
_PRINTED_URL = re.compile(r"^https?://\S+$")


def _linked_sentence(block: Block) -> bool:
    """A sentence that links a long phrase ("... was <a>re-opened earlier this year</a>.") is prose: it ends
    like a sentence and keeps several words outside its links. A teaser link list does neither."""
    if block.link_density > 0.8 or not _SENTENCE_END.search(block.text):
        return False
    unlinked = len(block.text) - block.links
    return unlinked >= 40 and len(block.text.split()) >= 8


@dataclass(slots=True)
class MainContent:
    paragraphs: list[str]
    score: float
    words: int
    page_words: int
    link_density: float


def main_content(tree) -> Optional[MainContent]:
    """The article's paragraphs from a parsed page (a selectolax parser, changed in place: scripts and styles
    are removed), with the numbers the confidence rule needs."""
    tree.strip_tags(list(_STRIP_FIRST), recursive=True)
    body = tree.body
    if body is None:
        return None
    layout = linearise(body)
    _favour_headline_article(layout)
    score_containers(layout)
    chosen, top = best_containers(layout)
    if not chosen:
        return None
    picked = set(chosen)
    kept = [b for b in layout.blocks if _inside(layout, b.container, picked) and keep_block(b)]
    # headings that end the body (a "Related" heading before the list we dropped) are not content
    while kept and kept[-1].heading:
        kept.pop()
    text_chars = sum(len(b.text) for b in kept)
    links = sum(b.links for b in kept)
    return MainContent([b.text for b in kept], top, sum(len(b.text.split()) for b in kept),
                       sum(len(b.text.split()) for b in layout.blocks), links / text_chars if text_chars else 1.0)
