"""Whether a given name is usually a man's or a woman's, from Faker's name lists.

Speaker attribution needs to know who "she" can be. The text says it when it can (titles,
"the chairwoman", pronouns that can only mean one person); when it does not, the first name is
the best clue left, as GenderGapTracker's gender services use it. Faker (MIT) ships men's and
women's given names for about eighty locales; a name counts as one gender only when at least
19 in 20 of the lists that hold it agree ("Jean", "Kim", "Taylor", "Dana" count as neither).
"""
from __future__ import annotations

import importlib
import pkgutil
import unicodedata
from collections import Counter
from functools import lru_cache

AGREEMENT = 0.95


def _providers():
    """Faker's person provider of every locale."""
    import faker.providers.person as person
    for module in pkgutil.iter_modules(person.__path__):
        provider = getattr(importlib.import_module(f"{person.__name__}.{module.name}"),
                           "Provider", None)
        if provider is not None:
            yield provider


@lru_cache(maxsize=1)
def _votes() -> dict[str, Counter]:
    """Given name -> how many locales list it as a man's ("m") and as a woman's ("f")."""
    votes: dict[str, Counter] = {}
    for provider in _providers():
        for attr, gender in (("first_names_male", "m"), ("first_names_female", "f")):
            names = getattr(provider, attr, None) or ()
            for name in set(names):      # some locales keep weighted dicts
                votes.setdefault(name, Counter())[gender] += 1
    return votes


@lru_cache(maxsize=4096)
def _votes_of(name: str) -> Counter:
    """The lists' votes for ``name``; an accented name also gets the votes of its form without
    accents ("María" 7 to 1 a woman's in the lists that write it so, and "Maria" 30 to 0), as
    names are often written either way ("Seán" as "Sean", "Róisín" as "Roisin")."""
    votes = _votes().get(name, Counter())
    if name.isascii():
        return votes
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return votes + _votes().get(plain, Counter()) if plain != name else votes


def is_given_name(name: str) -> bool:
    """A given name of one gender or of both ("Casey", "Jordan"): what can start a person's
    name."""
    return bool(_votes_of(name))


@lru_cache(maxsize=8192)
def gender_of_given_name(name: str) -> str | None:
    """"m", "f" or None (unknown or used for both) for a capitalised given name."""
    votes = _votes_of(name)
    if not votes:
        return None
    gender, n = votes.most_common(1)[0]
    return gender if n >= AGREEMENT * sum(votes.values()) else None


def given_name_locales(name: str) -> int:
    """How many locales list ``name`` as a given name: "Marcel" 17, "Ariana" 8, but "North",
    "Wells" or "Mayo" 1 (an odd entry of one list is weak evidence of a person)."""
    return sum(_votes_of(name).values())
