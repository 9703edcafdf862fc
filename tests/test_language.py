"""The language guess behind the "this is not English" warning: right on each script and on the
Latin-script languages told apart by their function words, silent on short or mixed text."""
from __future__ import annotations

import pytest

import analysis
from analysis.language import guess_language, language_note

ENGLISH = ("The council voted on Tuesday to close two branch libraries, saying the savings were "
           "needed to keep the others open. Residents who packed the meeting said they had not "
           "been consulted, and one councillor called the decision short-sighted.")
# A native reader's paraphrase of the same paragraph (invented, no real article).
FOREIGN = {
    "German": ("Der Stadtrat hat am Dienstag beschlossen, zwei Stadtteilbibliotheken zu "
               "schließen, weil die Einsparungen nötig seien, um die übrigen offen zu halten. "
               "Anwohner, die zur Sitzung gekommen waren, sagten, man habe sie nicht gefragt."),
    "French": ("Le conseil municipal a voté mardi la fermeture de deux bibliothèques de quartier, "
               "estimant que ces économies étaient nécessaires pour garder les autres ouvertes. "
               "Les habitants venus à la réunion ont dit qu’ils n’avaient pas été consultés."),
    "Spanish": ("El ayuntamiento votó el martes el cierre de dos bibliotecas de barrio, y dijo que "
                "el ahorro era necesario para mantener abiertas las demás. Los vecinos que "
                "llenaron la reunión dijeron que nadie les había consultado."),
    "Italian": ("Il consiglio comunale ha votato martedì la chiusura di due biblioteche di "
                "quartiere, sostenendo che i risparmi erano necessari per tenere aperte le altre. "
                "I residenti presenti alla riunione hanno detto di non essere stati consultati."),
    "Chinese": "市议会周二投票决定关闭两家分馆图书馆，称节省的资金是维持其他图书馆开放所必需的。参加会议的居民表示，他们事先没有被征求意见。",
    "Japanese": "市議会は火曜日、二つの分館図書館を閉鎖することを決めた。節約した資金は他の図書館を開け続けるために必要だという。会議に詰めかけた住民は、相談を受けていなかったと話した。",
    "Korean": "시의회는 화요일 두 개의 분관 도서관을 폐쇄하기로 의결했다. 회의에 참석한 주민들은 사전에 아무런 상의도 없었다고 말했다. 의회는 절감액이 필요하다고 밝혔다.",
    "Russian": ("Городской совет во вторник проголосовал за закрытие двух районных библиотек, "
                "заявив, что экономия необходима, чтобы сохранить остальные."),
}


def test_english_news_is_english_and_gets_no_note():
    assert guess_language(ENGLISH) == "English"
    assert language_note(ENGLISH) is None


@pytest.mark.parametrize("language", sorted(FOREIGN))
def test_each_language_is_named(language):
    guess = guess_language(FOREIGN[language])
    assert guess is not None and guess.startswith(language)
    note = language_note(FOREIGN[language])
    assert language in note and "English" in note


def test_short_text_and_an_english_story_quoting_another_language_stay_unjudged_or_english():
    assert guess_language("Merci beaucoup.") is None
    quoting = ENGLISH + " A banner outside read “Nos bibliothèques ne sont pas à vendre”."
    assert guess_language(quoting) == "English"


def test_the_analysis_of_a_foreign_text_carries_the_note_and_an_english_one_does_not(seed_raw):
    german = analysis.analyze(FOREIGN["German"])
    assert any("German" in n for n in german.notes)
    assert german.to_dict()["notes"] == list(german.notes)
    assert not analysis.analyze(seed_raw).notes
