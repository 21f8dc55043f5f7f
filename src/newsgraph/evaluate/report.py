"""Scores and reports shared by every evaluation task."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional


@dataclass(slots=True)
class Score:
    """Counts behind precision/recall/F1; ``n`` lines are printed beside every figure."""

    name: str
    tp: float = 0
    fp: float = 0
    fn: float = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def n_gold(self) -> int:
        return int(self.tp + self.fn)

    @property
    def n_pred(self) -> int:
        return int(self.tp + self.fp)

    def add(self, tp: float = 0, fp: float = 0, fn: float = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "n_gold": self.n_gold, "n_pred": self.n_pred}


@dataclass(slots=True)
class Accuracy:
    """Right out of n (e.g. speaker accuracy on matched quotes)."""

    name: str
    right: int = 0
    n: int = 0

    @property
    def value(self) -> float:
        return self.right / self.n if self.n else 0.0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.n += 1

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "accuracy": round(self.value, 4), "n": self.n}


@dataclass(slots=True)
class Report:
    task: str
    dataset: str
    documents: int
    scores: list[Score] = field(default_factory=list)
    accuracies: list[Accuracy] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    words_per_second: Optional[float] = None

    def as_dict(self) -> dict[str, Any]:
        return {"task": self.task, "dataset": self.dataset, "documents": self.documents,
                "scores": [s.as_dict() for s in self.scores],
                "accuracies": [a.as_dict() for a in self.accuracies], "notes": list(self.notes),
                "extra": dict(self.extra), "words_per_second": self.words_per_second}

    def lines(self) -> list[str]:
        """Plain-text table the CLI prints (it may also render as a rich table from as_dict)."""
        out = [f"{self.task} on {self.dataset} ({self.documents} documents)"]
        for s in self.scores:
            out.append(f"  {s.name:<32} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  "
                       f"(gold {s.n_gold}, predicted {s.n_pred})")
        for a in self.accuracies:
            out.append(f"  {a.name:<32} accuracy {a.value:.3f}  (n = {a.n})")
        if self.words_per_second:
            out.append(f"  speed: {self.words_per_second:,.0f} words/s")
        out.extend(f"  note: {n}" for n in self.notes)
        return out
