"""Sports copy: a team named by its city or nickname is one actor; the same words elsewhere are not."""
from __future__ import annotations

from analysis.entities import extract_actors
from analysis.sports_teams import TEAMS, teams_in_play


def actors_of(nlp, text):
    _, actors = extract_actors(nlp(text))
    return {a.name: a for a in actors}


def test_the_table_has_the_four_leagues_and_unique_full_names():
    leagues = {t.league for t in TEAMS}
    assert leagues == {"NFL", "NBA", "MLB", "NHL"}
    names = [t.name for t in TEAMS]
    assert len(names) == len(set(names))
    assert sum(t.league == "NHL" for t in TEAMS) >= 32


def test_a_game_report_names_teams_by_city_and_nickname(nlp):
    text = ("Sharks 3, Oilers 2: Tomas Hertl scored in overtime and San Jose beat Edmonton for "
            "its fourth straight win. The Oilers had led 2-0. The game in Edmonton drew 18,000.")
    actors = actors_of(nlp, text)
    assert {"San Jose Sharks", "Edmonton Oilers"} <= set(actors)
    assert actors["San Jose Sharks"].type == "ORG"
    assert "San Jose" in actors["San Jose Sharks"].aliases
    assert "Edmonton" in actors["Edmonton Oilers"].aliases
    # "in Edmonton": the place the game was played, not the team
    assert "Edmonton" in actors and actors["Edmonton"].mentions == 1


def test_a_nickname_that_is_a_common_word_needs_sports_copy():
    assert teams_in_play("The Wild swans returned to the lake. Lightning struck twice.") == ()
    assert [t.name for t in teams_in_play(
        "Minnesota Wild coach Dean Evason said the Wild must defend better.")] == ["Minnesota Wild"]


def test_a_shared_nickname_goes_to_the_team_whose_city_is_named():
    text = "The Panthers beat Tampa Bay 4-1, and Florida moved up the standings."
    assert [t.name for t in teams_in_play(text)] == ["Florida Panthers"]


def test_a_city_in_other_news_stays_a_place(nlp):
    actors = actors_of(nlp, "Boston approved a new budget. The mayor of Boston said taxes "
                            "would not rise.")
    assert "Boston" in actors and actors["Boston"].type == "GPE"


def test_players_in_a_box_scores_statistics_lines_are_people(nlp):
    text = ("GIRLS BASKETBALL\n\nKestrel d. Harlow 70-44\n\nKestrel (1-0): Tolivert 25 points. "
            "Marisa Okonjo 17 points and 3 steals. K. Brandt 1 goal.\n\nHarlow (0-1): Upshaw 3 "
            "points.")
    actors = actors_of(nlp, text)
    for name in ("Tolivert", "Marisa Okonjo", "K. Brandt", "Upshaw"):
        assert actors[name].type == "PERSON", name


def test_a_nickname_without_its_city_is_not_that_team():
    # the Premier League's "Spurs" are not San Antonio's
    assert teams_in_play("The Spurs lost 2-0 at Anfield, and the coach said the season was "
                         "not over.") == ()


def test_a_nickname_without_its_city_in_copy_about_its_league():
    text = "The Chargers lost again, and the NFL fined their coach after the game."
    assert [t.name for t in teams_in_play(text)] == ["Los Angeles Chargers"]


def test_a_score_run_into_a_nickname_is_cut_off(nlp):
    text = ("Bruins 5, Devils 1: David Pastrnak scored twice to lead Boston past New Jersey. "
            "The Sabres and Wild meet on Friday in Buffalo.")
    actors = actors_of(nlp, text)
    assert not [n for n in actors if any(c.isdigit() for c in n) or n.endswith(" and")]
    assert "Bruins" in actors["Boston Bruins"].aliases


def test_a_league_roundup_names_its_other_teams_by_city(nlp):
    text = ("Bruins 5, Devils 1: Boston beat New Jersey. Sharks 3, Oilers 2: San Jose won in "
            "overtime. Winnipeg has won three in a row. Fans in Winnipeg were delighted.")
    actors = actors_of(nlp, text)
    assert "Winnipeg" in actors["Winnipeg Jets"].aliases
    # "in Winnipeg": the city, even in a roundup
    assert "Winnipeg" in actors and actors["Winnipeg"].mentions == 1
