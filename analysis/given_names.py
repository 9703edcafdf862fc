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


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """Given name -> "m" or "f", built once from every locale's person provider (~0.2 s)."""
    table = {}
    for name, v in _votes().items():
        gender, n = v.most_common(1)[0]
        if n >= AGREEMENT * sum(v.values()):
            table[name] = gender
    return table


def _listed(name: str) -> str:
    """The form the lists hold: an accented name they lack is looked up without its accents
    ("Seán" as "Sean", "Róisín" as "Roisin"), as Irish and other names are often written."""
    if name in _votes() or name.isascii():
        return name
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return plain if plain in _votes() else name


def is_given_name(name: str) -> bool:
    """A given name of one gender or of both ("Casey", "Jordan"): what can start a person's
    name."""
    name = _listed(name)
    return name in _table() or len(_votes().get(name, ())) == 2


def gender_of_given_name(name: str) -> str | None:
    """"m", "f" or None (unknown or used for both) for a capitalised given name."""
    return _table().get(_listed(name))


def given_name_locales(name: str) -> int:
    """How many locales list ``name`` as a given name: "Marcel" 17, "Ariana" 8, but "North",
    "Wells" or "Mayo" 1 (an odd entry of one list is weak evidence of a person)."""
    return sum(_votes().get(_listed(name), {}).values())
