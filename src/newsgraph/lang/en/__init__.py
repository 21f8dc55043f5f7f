"""English: the words and patterns the stages read, one module per stage family (see :mod:`newsgraph.lang`)."""
