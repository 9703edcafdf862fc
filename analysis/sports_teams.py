"""North American major-league teams, so that sports copy's "Boston" and "the Bruins" are one team.

Game reports name a team by its city ("Minnesota beat Buffalo") or its nickname ("the Wild"),
rarely in full, and spaCy sm tags the city as a place and often misses the nickname. A team is
"in play" in an article when its full name appears, or its nickname appears as a team name
("the Flyers", "Flyers 2") beside its city ("Philadelphia") or in copy about its league (the league named, or another of
its teams placed), in copy that is about sport: other leagues share the nicknames (Tottenham's
"Spurs").
Only then are its city and nickname read as the team.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

# "City|Nickname" per league (former names that 2010s copy uses are listed too).
_LEAGUES = {
    "NFL": """Arizona|Cardinals Atlanta|Falcons Baltimore|Ravens Buffalo|Bills Carolina|Panthers
        Chicago|Bears Cincinnati|Bengals Cleveland|Browns Dallas|Cowboys Denver|Broncos
        Detroit|Lions Green_Bay|Packers Houston|Texans Indianapolis|Colts Jacksonville|Jaguars
        Kansas_City|Chiefs Las_Vegas|Raiders Oakland|Raiders Los_Angeles|Chargers
        Los_Angeles|Rams Miami|Dolphins Minnesota|Vikings New_England|Patriots New_Orleans|Saints
        New_York|Giants New_York|Jets Philadelphia|Eagles Pittsburgh|Steelers San_Francisco|49ers
        Seattle|Seahawks Tampa_Bay|Buccaneers Tennessee|Titans Washington|Commanders
        Washington|Redskins""",
    "NBA": """Atlanta|Hawks Boston|Celtics Brooklyn|Nets Charlotte|Hornets Chicago|Bulls
        Cleveland|Cavaliers Dallas|Mavericks Denver|Nuggets Detroit|Pistons Golden_State|Warriors
        Houston|Rockets Indiana|Pacers Los_Angeles|Clippers Los_Angeles|Lakers Memphis|Grizzlies
        Miami|Heat Milwaukee|Bucks Minnesota|Timberwolves New_Orleans|Pelicans New_York|Knicks
        Oklahoma_City|Thunder Orlando|Magic Philadelphia|76ers Phoenix|Suns Portland|Trail_Blazers
        Sacramento|Kings San_Antonio|Spurs Toronto|Raptors Utah|Jazz Washington|Wizards""",
    "MLB": """Arizona|Diamondbacks Atlanta|Braves Baltimore|Orioles Boston|Red_Sox Chicago|Cubs
        Chicago|White_Sox Cincinnati|Reds Cleveland|Guardians Cleveland|Indians Colorado|Rockies
        Detroit|Tigers Houston|Astros Kansas_City|Royals Los_Angeles|Angels Los_Angeles|Dodgers
        Miami|Marlins Milwaukee|Brewers Minnesota|Twins New_York|Mets New_York|Yankees
        Oakland|Athletics Philadelphia|Phillies Pittsburgh|Pirates San_Diego|Padres
        San_Francisco|Giants Seattle|Mariners St._Louis|Cardinals Tampa_Bay|Rays Texas|Rangers
        Toronto|Blue_Jays Washington|Nationals""",
    "NHL": """Anaheim|Ducks Arizona|Coyotes Boston|Bruins Buffalo|Sabres Calgary|Flames
        Carolina|Hurricanes Chicago|Blackhawks Colorado|Avalanche Columbus|Blue_Jackets
        Dallas|Stars Detroit|Red_Wings Edmonton|Oilers Florida|Panthers Los_Angeles|Kings
        Minnesota|Wild Montreal|Canadiens Nashville|Predators New_Jersey|Devils
        New_York|Islanders New_York|Rangers Ottawa|Senators Philadelphia|Flyers
        Pittsburgh|Penguins San_Jose|Sharks Seattle|Kraken St._Louis|Blues Tampa_Bay|Lightning
        Toronto|Maple_Leafs Vancouver|Canucks Vegas|Golden_Knights Washington|Capitals
        Winnipeg|Jets""",
}
# Other written forms of a team city.
_CITY_FORMS = {"Los Angeles": ("L.A.", "LA"), "Montreal": ("Montréal",), "Vegas": ("Las Vegas",)}
_LEAGUE_NAME = re.compile(r"\b(NFL|NBA|MLB|NHL)\b")
_SPORTS_WORDS = re.compile(
    r"\b(?:game|games|season|coach|playoffs?|scored|goals?|touchdowns?|quarterback|innings?|"
    r"league|NFL|NBA|MLB|NHL|roster|overtime|win streak|winning streak|standings|rookie)\b")


@dataclass(frozen=True)
class Team:
    name: str
    nickname: str
    league: str
    cities: tuple[str, ...]


def _table() -> list[Team]:
    teams = []
    for league, rows in _LEAGUES.items():
        for row in rows.split():
            city, nickname = (part.replace("_", " ") for part in row.split("|"))
            teams.append(Team(f"{city} {nickname}", nickname, league,
                              (city, *_CITY_FORMS.get(city, ()))))
    return teams


TEAMS = _table()
_BY_NICKNAME: dict[str, list[Team]] = {}
for _team in TEAMS:
    _BY_NICKNAME.setdefault(_team.nickname, []).append(_team)
_NICKNAME = re.compile(r"\b(%s)\b" % "|".join(
    re.escape(n) for n in sorted(_BY_NICKNAME, key=len, reverse=True)))
TEAM_NAMES = frozenset(t.name for t in TEAMS)
# per league, the teams no other team of that league shares a city with ("Winnipeg", not
# "New York"): a league roundup may name them by city alone
_ONLY_TEAM_OF_CITY = {league: [t for t in TEAMS if t.league == league and not any(
    o is not t and o.league == league and set(o.cities) & set(t.cities) for o in TEAMS)]
    for league in _LEAGUES}


def _named_as_team(text: str, start: int, end: int, cities: tuple[str, ...]) -> bool:
    """"the Flyers", "Boston Bruins", "Flyers 2" / "2, Flyers": a nickname used as a team."""
    before = text[max(0, start - 20):start]
    return (before.lower().endswith("the ") or any(before.endswith(c + " ") for c in cities)
            or re.match(r"\s\d", text[end:end + 2]) is not None
            or re.search(r"\d,?\s$", before) is not None)


@lru_cache(maxsize=8)
def teams_in_play(text: str) -> tuple[Team, ...]:
    """The teams an article is about, each with its nickname occurrences checked for sense."""
    candidates: dict[Team, bool] = {}     # team -> its full name appears
    unplaced: list[Team] = []
    for m in _NICKNAME.finditer(text):
        options = _BY_NICKNAME[m.group()]
        full = [t for t in options for c in t.cities
                if text[max(0, m.start() - len(c) - 1):m.start()] == c + " "]
        if full:
            candidates[full[0]] = True
            continue
        if not _named_as_team(text, m.start(), m.end(), options[0].cities + options[-1].cities):
            continue
        # its city must be named too: "the Spurs" of a Premier League report are Tottenham
        placed = [t for t in options if any(re.search(r"\b%s\b" % re.escape(c), text)
                                            for c in t.cities)]
        if len(placed) == 1:
            candidates.setdefault(placed[0], False)
        elif len(options) == 1:
            unplaced.append(options[0])
    # without its city, only in copy about that league ("NFL", or another of its teams placed)
    leagues = set(_LEAGUE_NAME.findall(text)) | {t.league for t in candidates}
    for team in unplaced:
        if team.league in leagues:
            candidates.setdefault(team, False)
    if not candidates:
        return ()
    # a roundup of one league (three of its teams in play) names the others by city alone:
    # "Winnipeg has won three in a row", when no other team of that league shares the city
    per_league = Counter(t.league for t in candidates)
    for league in (lg for lg, n in per_league.items() if n >= 3):
        for team in _ONLY_TEAM_OF_CITY[league]:
            if team not in candidates and any(re.search(r"\b%s\b" % re.escape(c), text)
                                              for c in team.cities):
                candidates[team] = False
    sporty = len(candidates) >= 2 or _SPORTS_WORDS.search(text) is not None
    return tuple(t for t, full in candidates.items() if full or sporty)
