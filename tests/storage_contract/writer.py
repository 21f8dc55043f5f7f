"""A writer process for the concurrent-writers tests: ``python writer.py URL FIRST LAST [--reverse] [--go FILE]``
ingests the articles numbered FIRST..LAST-1 of :func:`numbered` (dedup, link, put: the run's write path) into the
store at URL, printing each number when done and then how many it stored. With ``--go`` it opens the store, prints
``ready`` and waits for FILE to exist, so that several writers start their first article at the same moment."""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script: make the package importable

from newsgraph.model import Entity, Mention  # noqa: E402
from storage_contract.corpus import BODY, harbour, ingest, span  # noqa: E402

_WORDS = ("port crane vessel cargo union wage shift berth tanker customs freight quay dredging pilot tug ferry "
          "container warehouse terminal barge harbour tide anchor").split()
#: Pilots named by several articles each, so that writers on different articles meet the same new entities at once.
PILOTS = ("Ana Ruiz", "Tomas Berg", "Ilse Okafor", "Pavel Lind", "Rosa Quinn", "Idris Mbeki", "Ken Saito")


def numbered(n: int):
    """Article ``x{n}``: its own words then the strike story (never a near-copy of another), and every fifth one
    an exact copy ``y{n}`` of the one before, so stories and duplicate_of cross writers."""
    rng = random.Random(n)
    pilot = PILOTS[n % len(PILOTS)]
    words = " ".join(rng.choice(_WORDS) + str(rng.randrange(1000)) for _ in range(80))
    text = f"Report {n}. The pilot {pilot} guided a ship in. {words}. {BODY}"
    articles = [harbour(f"x{n}", text, published=f"2014-03-{1 + n % 28:02d}")]
    articles[0].entities.append(Entity("e3", pilot, "PERSON", [Mention(*span(text, pilot))], ["pilot"]))
    if n % 5 == 4:
        articles.append(harbour(f"y{n}", articles[0].text, source="copy.example"))
    return articles


def main(url: str, first: int, last: int, reverse: bool, go: str | None) -> None:
    from newsgraph.storage import open_store
    order = range(last - 1, first - 1, -1) if reverse else range(first, last)
    stored = 0
    with open_store(url) as store:
        if go:
            print("ready", flush=True)
            while not Path(go).exists():
                time.sleep(0.001)
        for n in order:
            stored += sum(r.status == "stored" for r in ingest(store, numbered(n)))
            print(n, flush=True)
    print("stored", stored, flush=True)


if __name__ == "__main__":
    args = sys.argv[1:]
    main(args[0], int(args[1]), int(args[2]), "--reverse" in args, args[args.index("--go") + 1] if "--go" in args
         else None)
