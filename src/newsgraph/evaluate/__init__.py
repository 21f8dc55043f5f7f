"""Scoring newsgraph against public gold in its native formats (`newsgraph eval …`)."""
