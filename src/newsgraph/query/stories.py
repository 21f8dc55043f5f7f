"""Story view: the articles folded into one story (DESIGN.md ``story``), and the fullest one to show."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from ..model import Article
from ..storage.base import Store, StoryMember

__all__ = ["Story", "story"]


@dataclass(slots=True)
class Story:
    """``members`` in storage order (the first is the story's id); ``fullest`` is the member with the longest text
    (the earliest of equals), loaded whole so it can be shown."""

    id: str
    members: list[StoryMember]
    fullest: Optional[Article]

    def as_dict(self) -> dict[str, Any]:
        """The story's members, and the fullest one's id, title and text (what a reader of the story wants)."""
        fullest = self.fullest
        return {"story": self.id, "members": [m.as_dict() for m in self.members],
                "fullest": None if fullest is None else fullest.id,
                "title": None if fullest is None else fullest.title,
                "text": None if fullest is None else fullest.text}


def story(store: Store, story_id: str) -> Optional[Story]:
    """The story ``story_id`` (an article id: the story's first member), or None when no article carries it."""
    members = store.story_members(story_id)
    if not members:
        return None
    longest = max(enumerate(members), key=lambda pair: (pair[1].length, -pair[0]))[1]
    return Story(story_id, members, store.get(longest.id))
