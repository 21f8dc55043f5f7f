"""The search page's facet links (``web._Narrow``) encode the unchanged parameters once; each link must still be
exactly what ``_link`` writes for the merged parameters, whatever characters the values hold."""
from __future__ import annotations

import pytest

pytest.importorskip("fastapi")

from newsgraph.serve.web import _Narrow, _link  # noqa: E402

BASES = [{"q": "oil & gas", "since": None, "until": "2020", "outlet": "", "entity": "Zoë Ä", "speaker": None,
          "story": "s/1?x#y"},
         {"q": "\"chemical weapons\" OR Syri*", "since": "2019-01", "until": None, "outlet": "The Times",
          "entity": None, "speaker": "Ann O'Neil", "story": None}]
EXTRAS = [{}, {"outlet": "Le Monde"}, {"entity": "K. Brenner"}, {"outlet": "x=y&z+1 %20"},
          {"since": None, "until": None, "outlet": None, "entity": None, "speaker": None, "story": None},
          {"offset": 20}, {"since": "2020-03", "until": "2020-03"}, {"q": ""}]


@pytest.mark.parametrize("base", BASES)
def test_a_narrowing_link_is_the_link_of_the_merged_parameters(base):
    narrow = _Narrow(base)
    links = [narrow(**extra) for extra in EXTRAS]
    assert links == [_link(**{**base, **extra}) for extra in EXTRAS]
    assert len(set(links)) == len(links)  # the extras change the link
