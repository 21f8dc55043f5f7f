"""Golden files: `analyze` on every bundled example must give the reviewed records in tests/golden/.

A change in any stage shows up here as a readable diff of the records. After a deliberate change, regenerate with
``NEWSGRAPH_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py`` and review the diff before committing it.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsgraph.model import Article
from newsgraph.pipeline import Options, analyze
from newsgraph.record import to_record

GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "examples"


def _records(path: Path) -> list[dict]:
    out = []
    for item in analyze([str(path)], Options()):
        assert isinstance(item, Article), f"{path.name}: {item}"
        record = to_record(item)
        record["pipeline"] = {}  # the version stamp changes with every release; the content is what is pinned
        out.append(record)
    return out


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.iterdir() if not p.name.startswith(".")))
def test_example_matches_golden(example):
    records = _records(EXAMPLES / example)
    golden = GOLDEN / f"{example}.json"
    if os.environ.get("NEWSGRAPH_UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        pytest.skip(f"{golden.name} rewritten: review its diff before committing")
    assert golden.exists(), f"no golden file for {example}: run with NEWSGRAPH_UPDATE_GOLDEN=1 and review it"
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert len(records) == len(expected)
    for got, want in zip(records, expected):
        if want["id"].startswith("p"):  # made from the file's absolute path: differs between checkouts
            got["id"] = want["id"]
        for key in want:
            assert got[key] == want[key], f"{example} [{want['id']}]: field {key!r} differs from the golden file"


def test_golden_spans_point_into_the_text():
    """Independent of the pinned values: every span in every golden record indexes its own text."""
    files = sorted(GOLDEN.glob("*.json"))
    if not files:
        pytest.skip("golden files not generated yet")
    for path in files:
        for record in json.loads(path.read_text(encoding="utf-8")):
            n = len(record["text"])
            spans = [tuple(m) for e in record["entities"] for m in e["mentions"]]
            spans += [tuple(q["span"]) for q in record["quotes"]] + [tuple(p) for q in record["quotes"]
                                                                      for p in q["parts"]]
            spans += [tuple(f["span"]) for f in record["figures"]] + [tuple(t["span"]) for t in record["times"]]
            assert all(0 <= s < e <= n for s, e in spans), path.name
            text = record["text"]
            for f in record["figures"] + record["times"]:
                assert text[f["span"][0]:f["span"][1]] == f["text"]
            for q in record["quotes"]:
                if q["cue_span"]:
                    assert text[q["cue_span"][0]:q["cue_span"][1]] == q["cue"]
                if q["speaker"]:
                    s, e = q["speaker"]["span"]
                    assert text[s:e] == q["speaker"]["text"]
                    assert not (q["span"][0] <= s and e <= q["span"][1]) or q["kind"] == "direct"
                if len(q["parts"]) < 2:
                    assert text[q["span"][0]:q["span"][1]] == q["text"]
                else:  # a split quote's text is its parts joined
                    assert q["text"] == " ".join(text[a:b] for a, b in q["parts"])
