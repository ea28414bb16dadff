"""Who is credited (canonical speaker, role, pronouns) and on whose authority (statement source,
article agency). Every text here is written for these tests; the people and events are fictional.
"""
from __future__ import annotations

import pytest

from quotetrack import extract_article, extract_text

TITLE = "Бюджетът влиза в парламента"
BODY = ("Министърът на финансите Иван Петров заяви, че бюджетът за следващата година "
        "ще бъде внесен в парламента до края на месеца.")


def article(*paragraphs: str, title: str = TITLE) -> str:
    return "\n\n".join((title, *paragraphs))


def xfail(*values, reason: str):
    return pytest.param(*values, marks=pytest.mark.xfail(reason=reason, strict=True))


def credited(text: str):
    """(kind, speaker, role) of each statement, in article order."""
    return [(q.kind, q.speaker, q.role) for q in extract_text(text)]


PETROV = "Министърът на финансите Иван Петров заяви, че бюджетът ще бъде приет до края на месеца."
GEORGIEVA = "Говорителката на правителството Мария Георгиева съобщи, че кабинетът ще заседава в сряда."
HIS = "„Няма да има нови данъци“, каза той."
HERS = "„Заседанието ще бъде открито за медиите“, добави тя."
MIN = ("Иван Петров", "министър")
SPOKES = ("Мария Георгиева", "говорителка")


# -- 1. the fullest name the article uses -------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    (article(f"{PETROV} „Няма да има нови данъци“, каза Петров."),
     [("indirect", *MIN), ("direct", *MIN)]),
    # the full name comes only after the surname
    (article("„Няма да има нови данъци“, каза Петров.",
             "Министърът на финансите Иван Петров представи проектобюджета пред депутатите от комисията."),
     [("direct", *MIN)]),
    (article("Финансовият министър Иван Петров обяви, че заплатите ще растат. Според Петров няма да има нови данъци."),
     [("indirect", "Иван Петров", "финансов министър"), ("indirect", "Иван Петров", "финансов министър")]),
    xfail(article("Председателят на синдикат „Подкрепа“ Стефан Колев заяви, че ще има протест."),
          [("indirect", "Стефан Колев", "председател")],
          reason="a role phrase holding a quoted name ('Председателят на синдикат „Подкрепа“') loses its role"),
    pytest.param(article("Министърката на труда Мария Георгиева съобщи, че пенсиите ще бъдат увеличени от юли."),
          [("indirect", "Мария Георгиева", "министърка")]),
])
def test_fullest_name_and_role(text, expected):
    assert credited(text) == expected


def test_speaker_mention_is_the_words_as_written():
    quotes = extract_text(article(f"{PETROV} „Няма да има нови данъци“, каза Петров."))
    assert [q.speaker_mention for q in quotes] == ["Министърът на финансите Иван Петров", "Петров"]


# -- 2. pronouns -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    (article(f"{PETROV} {HIS}"), [("indirect", *MIN), ("direct", *MIN)]),
    (article(GEORGIEVA, HERS), [("indirect", *SPOKES), ("direct", *SPOKES)]),
    (article(PETROV, GEORGIEVA, HERS), [("indirect", *MIN), ("indirect", *SPOKES), ("direct", *SPOKES)]),
    (article(PETROV, GEORGIEVA, HIS), [("indirect", *MIN), ("indirect", *SPOKES), ("direct", *MIN)]),
    (article(GEORGIEVA, PETROV, HIS), [("indirect", *SPOKES), ("indirect", *MIN), ("direct", *MIN)]),
    (article("Иван Петров заяви, че бюджетът ще бъде приет. Георги Иванов смята, че бюджетът е нереалистичен. "
             "„Приходите са надценени“, каза той."),
     [("indirect", "Иван Петров", None), ("indirect", "Георги Иванов", None), ("direct", "Георги Иванов", None)]),
    pytest.param(article(GEORGIEVA, PETROV, HERS),
          [("indirect", *SPOKES), ("indirect", *MIN), ("direct", *SPOKES)]),
    pytest.param(article(PETROV, GEORGIEVA, HIS, HERS),
          [("indirect", *MIN), ("indirect", *SPOKES), ("direct", *MIN), ("direct", *SPOKES)]),
    pytest.param(article("Мария Георгиева съобщи, че кабинетът ще заседава в сряда. Иван Петров заяви, че бюджетът е готов. "
                  "„Заседанието ще бъде открито“, добави тя."),
          [("indirect", "Мария Георгиева", None), ("indirect", "Иван Петров", None), ("direct", "Мария Георгиева", None)]),
])
def test_pronouns(text, expected):
    assert credited(text) == expected


# -- 3. a role refers back to the person ---------------------------------------------------------------

RADEV = "Президентът Румен Радев заяви, че ще наложи вето на закона за бюджета."
PRES = ("Румен Радев", "президент")


@pytest.mark.parametrize("text, expected", [
    (article(f"{RADEV} „Законът нарушава Конституцията“, добави президентът."),
     [("indirect", *PRES), ("direct", *PRES)]),
    (article(f"{RADEV} Вторият мандат ще бъде връчен в петък, добави президентът."),
     [("indirect", *PRES), ("indirect", *PRES)]),
    (article(f"{RADEV} {PETROV} „Ветото е недопустимо“, добави президентът."),
     [("indirect", *PRES), ("indirect", *MIN), ("direct", *PRES)]),
    (article(f"{RADEV} {PETROV} „Ветото е недопустимо“, добави министърът."),
     [("indirect", *PRES), ("indirect", *MIN), ("direct", *MIN)]),
])
def test_role_reference(text, expected):
    assert credited(text) == expected


@pytest.mark.parametrize("text, expected", [
    (article("Председателят на синдикат „Подкрепа“ Стефан Колев заяви, че ще има протест.",
             "«Ние ще настояваме за преговори още тази седмица», каза синдикалният лидер."),
     ["Стефан Колев", "Стефан Колев"]),
    (article(f"{PETROV} „Няма да има нови данъци“, каза финансовият министър."), ["Иван Петров", "Иван Петров"]),
])
def test_role_reference_speaker(text, expected):
    assert [q.speaker for q in extract_text(text)] == expected


# -- 4. two people stay apart --------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    (article("Иван Петров заяви, че бюджетът ще бъде приет. Георги Иванов смята, че бюджетът е нереалистичен. "
             "„Приходите са надценени“, каза Иванов. „Разходите са под контрол“, каза Петров."),
     ["Иван Петров", "Георги Иванов", "Георги Иванов", "Иван Петров"]),
    (article("„Приходите са надценени“, каза Георги Иванов. Министърът Иван Петров не отговори на въпроса."),
     ["Георги Иванов"]),
])
def test_two_people_are_not_merged(text, expected):
    assert [q.speaker for q in extract_text(text)] == expected


# -- 5. unattributed -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    (article("„Това е най-добрият бюджет от десетилетие.“",
             "Кабинетът одобри проектобюджета на заседанието си в сряда след дълги дискусии."),
     "Това е най-добрият бюджет от десетилетие"),
    (article("Кабинетът одобри проектобюджета на заседанието си в сряда след дълги дискусии.",
             "„Това е най-добрият бюджет от десетилетие.“"),
     "Това е най-добрият бюджет от десетилетие"),
])
def test_unattributed_quote_has_no_speaker(text, expected):
    quotes = extract_text(text)
    assert [(q.kind, q.text.strip(" ."), q.speaker, q.verb) for q in quotes] == [("direct", expected, None, None)]


# -- 6. the statement's source -----------------------------------------------------------------------

YILMAZ = "Турският президент Ахмед Йълмаз заяви, че преговорите ще продължат"


@pytest.mark.parametrize("text, expected", [
    (article(f"{YILMAZ} и през следващата седмица, предаде АФП."), ("Ахмед Йълмаз", "АФП")),
    (article(f"{YILMAZ}, предаде агенция Франс прес."), ("Ахмед Йълмаз", "АФП")),
    (article(f"{YILMAZ}, предаде Асошиейтед прес."), ("Ахмед Йълмаз", "АП")),
    (article(f"{YILMAZ}, съобщи Ройтерс."), ("Ахмед Йълмаз", "Ройтерс")),
    (article("„Преговорите ще продължат и през следващата седмица“, каза Ахмед Йълмаз, цитиран от Ройтерс."),
     ("Ахмед Йълмаз", "Ройтерс")),
    (article("Турският президент Ахмед Йълмаз заяви пред Би Би Си, че преговорите ще продължат."),
     ("Ахмед Йълмаз", "Би Би Си")),
    (article("Министърът на финансите Иван Петров каза пред вестник „Труд“, че бюджетът ще бъде приет."),
     ("Иван Петров", "Труд")),
    (article("„Бюджетът ще бъде приет до края на месеца“, каза Иван Петров пред вестник „Труд“."),
     ("Иван Петров", "Труд")),
    (article("Иван Петров заяви, че бюджетът ще бъде приет до края на месеца."), ("Иван Петров", None)),
    # an outlet named after a relative clause: the nearest medium of the statement's chain
    (article("Бюджетът ще бъде приет. Това заяви министърът Иван Петров, който е част от кабинета, пред bTV."),
     ("Иван Петров", "Би Ти Ви")),
    # a quoted name spoken before is an outlet the rules need not list
    (article("Бюджетът ще бъде приет. Това обеща пред „Зорница“ финансовият министър Иван Петров."),
     ("Иван Петров", "Зорница")),
    # a paper named after the kind it is: a tabloid, a daily
    (article("Министърът Иван Петров написа в статия за таблоида „Вечерни новини“, че бюджетът ще бъде приет."),
     ("Иван Петров", "Вечерни новини")),
    (article("Иван Петров заяви пред британския ежедневник „Утринни вести“, че бюджетът ще бъде приет."),
     ("Иван Петров", "Утринни вести")),
])
def test_statement_source(text, expected):
    quotes = extract_text(text)
    assert len(quotes) == 1
    speaker, source = expected
    assert quotes[0].speaker == speaker
    if source is None:
        assert quotes[0].source is None
    else:
        assert quotes[0].source is not None and source in quotes[0].source


@pytest.mark.parametrize("text, expected", [
    # a bare definite media noun is the last medium of its kind named shortly before
    (article("Британският вестник „Гардиън“ публикува анализ. Кабинетът е разделен, пише изданието."),
     [("Гардиън", None)]),
    (article("Срещата е отложена, съобщи Ройтерс.", "Според агенцията новата дата не е ясна."),
     [("Ройтерс", None), ("Ройтерс", None)]),
    # ... and as an outlet it is the source, not who speaks
    (article("Срещата е отложена, съобщи Ройтерс. В интервю за агенцията министърът Иван Петров "
             "изрази съжаление и подчерта, че датата ще бъде обявена."),
     [("Ройтерс", None), ("Иван Петров", "Ройтерс")]),
    # a body called an agency is no news agency
    (article("Агенцията по храните съобщи, че пратката е спряна."), [("Агенцията по храните", None)]),
])
def test_a_media_noun_points_back_at_the_medium_named_before(text, expected):
    assert [(q.speaker, q.source) for q in extract_text(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a Latin name after a media noun ends where Cyrillic starts: the next word is no part of it
    (article("Пред телевизия ITV Никола Стърджън подчерта, че референдумът ще се проведе."),
     [("Никола Стърджън", "ITV")]),
    (article("Кабинетът е разделен, пише британският вестник The Times Стратегията на премиера е неясна."),
     [("Таймс", None)]),
])
def test_a_latin_medium_name_stops_at_cyrillic(text, expected):
    assert [(q.speaker, q.source) for q in extract_text(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # the medium is the only one named: it is credited, as speaker or as source
    (article("Пожарът в склада е бил потушен след четири часа, съобщи Би Ти Ви."), "Би Ти Ви"),
    (article("Би Ти Ви съобщи, че пожарът в склада е бил потушен след четири часа."), "Би Ти Ви"),
    (article("Преговорите ще продължат и през следващата седмица, предаде агенция Франс прес."), "АФП"),
    (article("Преговорите ще продължат и през следващата седмица, предаде Ройтерс."), "Ройтерс"),
])
def test_medium_only(text, expected):
    quotes = extract_text(text)
    assert len(quotes) == 1
    assert expected in (quotes[0].speaker, quotes[0].source)


@pytest.mark.parametrize("text, expected", [
    (article("Партия „Възраждане“ заяви, че ще внесе законопроект за промени в Изборния кодекс."), "Възраждане"),
    (article("От компанията „Газопренос“ съобщиха, че газът ще поскъпне."), "Газопренос"),
])
def test_quoted_organisation_as_speaker(text, expected):
    quotes = extract_text(text)
    assert len(quotes) == 1
    assert expected in (quotes[0].speaker or "")


# -- 7. the article's agency ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    (article("СОФИЯ /БТА/ " + BODY), "БТА"),
    (article(BODY + " /БГНЕС"), "БГНЕС"),
    (article(BODY, "Източник: БТА"), "БТА"),
    (article("fakti.bg " + BODY), "Fakti.bg"),  # a listed site by its own name, however written
    (article("Преговорите ще продължат и през следващата седмица, предаде БГНЕС."), "БГНЕС"),
    (article(BODY.rstrip(".") + ", предаде БТА."), "БТА"),
    # a foreign credit only, or none at all
    (article("Преговорите ще продължат и през следващата седмица, предаде Ройтерс."), None),
    (article(BODY, "Преговорите ще продължат и през следващата седмица, предаде Ройтерс."), None),
    (article(BODY), None),
    # a credit after the end marker does not count
    (article(BODY, "Сподели:", "/БТА/"), None),
    pytest.param(article("/БТА/ " + BODY), "БТА"),
    pytest.param(article(BODY, "/БГНЕС/"), "БГНЕС"),
    pytest.param(article("БТА съобщи, че преговорите ще продължат и през следващата седмица."), "БТА"),
    # the article's frame: trailing credits, footers, credit lines, an outlet's line at the top
    (article(BODY + "/РИА-Новости."), "РИА Новости"),
    (article(BODY + " /АФП. Днес+"), "АФП"),
    (article(BODY + " (БТА)"), "БТА"),
    (article(BODY + " Това е Световната търговска организация (СТО)"), None),  # an abbreviation
    (article("Варна /ПИК/ " + BODY), "ПИК"),
    (article("Бургас /Морски вести/ " + BODY), "Морски вести"),  # an outlet the rules do not list
    (article(BODY, "Всички права запазени. Забранява се използването без предварителното съгласие на "
             "Информационна агенция \"Фокус\"!"), "Фокус"),
    (article(BODY, "Позоваването на Информационна агенция „Фокус“ е задължително!"), "Фокус"),
    (article(BODY + " Превод и редакция: БЛИЦ"), "Блиц"),
    (article(BODY + " Превод и редакция: Калин Стоянов"), None),  # a person is no agency
    (article(BODY, "От: Агенция Монитор"), "Монитор"),
    (article(BODY, "Източник: Гласове"), "Гласове"),
    (article(BODY + " Източник Гласове"), "Гласове"),  # the colon lost, closing the last paragraph
    (article("Източник в Брюксел заяви, че бюджетът ще бъде приет."), None),  # a source, no credit line
    (article(BODY, "Автор: Труд онлайн"), "Труд"),
    (article("12.03.2024", "Webcafe", BODY, title="Webcafe"), "Webcafe"),
    # a Bulgarian outlet's name that is the short form of a foreign paper the article names is that paper
    (article("Кабинетът ще заседава в сряда, отбелязва „Телеграф“. „Дейли телеграф“ определя хода като победа."), None),
    (article("Кабинетът ще заседава в сряда, отбелязва „Телеграф“."), "Телеграф"),
    # an aggregator's title line: the headline cut short, the time, the outlet
    (article(BODY, title="Бюджетът влиза в парламента днес и ще бъде... 03:30 БНР"), "БНР"),
    # a chain ends at the Bulgarian wire; a Bulgarian TV in the body counts after any wire
    (article(BODY.rstrip(".") + ", пише в. „Таймс“, цитиран от Ройтерс и БТА."), "БТА"),
    (article("Полетите бяха отменени, предаде Би Ти Ви.", "Полетите ще бъдат възстановени, съобщи "
             "„Фокус“."), "Фокус"),
    (article("Полетите бяха отменени, предаде Би Ти Ви."), "Би Ти Ви"),
    # a Bulgarian wire that relayed a statement ("цитиран(о) от"), wherever its credit stands
    (article("Бюджетът е готов, заяви министърът в интервю за германския в. „Билд“, цитирано от БТА."), "БТА"),
    (article("Бюджетът е готов, предава Ройтерс, цитирана от „Фокус“."), "Фокус"),
    # a site's copyright footer: "Всички текстове публикувани в X са собственост на ..."
    (article(BODY, "Всички текстове публикувани в News.bg са собственост на издателя."), "News.bg"),
    # a name that is also a word ("фокус") is the agency after a credit phrase, unquoted too
    (article("Иван Петров заяви, че бюджетът е готов, предава Ройтерс, цитирана от Фокус."), "Фокус"),
    (article("В интервю за германския в. „Билд“, цитирано от БТА, министърът Иван Петров заяви, че "
             "бюджетът е готов."), "БТА"),
])
def test_article_agency(text, expected):
    assert extract_article(text, path="a.txt").article.agency == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param(article(BODY + " /БГНЕС"), "бюджетът за следващата година ще бъде внесен в парламента до края на месеца"),
    (article("СОФИЯ /БТА/ " + BODY), "бюджетът за следващата година ще бъде внесен в парламента до края на месеца"),
])
def test_agency_credit_is_not_part_of_the_statement(text, expected):
    quotes = extract_text(text)
    assert [q.text.strip(" .") for q in quotes] == [expected]


@pytest.mark.parametrize("text, expected", [
    (article("Fakti.bg - " + BODY), "Министърът на финансите Иван Петров"),
    (article("fakti.bg " + BODY), "Министърът на финансите Иван Петров"),
])
def test_byline_does_not_leak_into_the_mention(text, expected):
    quotes = extract_text(text)
    assert [(q.speaker, q.speaker_mention) for q in quotes] == [("Иван Петров", expected)]


@pytest.mark.parametrize("text", [
    article("Бюджетът е готов, каза „“ днес министърът Иван Петров."),
    article("Министърът Иван Петров заяви пред вестник „“, че бюджетът е готов."),
])
def test_an_empty_pair_of_quote_marks_names_no_one(text):
    for q in extract_text(text):
        assert q.speaker != "" and q.source != "" and q.speaker_mention != ""


# -- names that run into each other ----------------------------------------------------------------

def test_two_names_side_by_side_after_according_to():
    text = article("Премиерът Стефан Димов и кметът Петко Ангелов се срещнаха вчера. Ангелов поиска пари "
                   "за метрото, а Димов обеща помощ.",
                   "Според Димов Ангелов ще получи първия транш до края на месеца.")
    (q,) = extract_text(text)
    assert (q.speaker, q.verb) == ("Стефан Димов", "Според")
    assert q.text.startswith("Ангелов ще получи")


def test_a_place_before_the_name_in_a_role_phrase_is_not_the_name():
    text = article("Професорът по история в университета Оксфорд Джон Смит заяви, че архивите ще бъдат отворени.")
    assert credited(text) == [("indirect", "Джон Смит", "професор")]


def test_a_word_run_into_a_name_written_once_is_dropped():
    text = ("Мария Колева: Градът има нужда от паркове\n\n"
            "Тя говори за програмата \"Зелен град\" и \" Еко Мария Колева оцени плана като \"смел\". "
            "Мария Колева е архитект.")
    assert {q.speaker for q in extract_text(text)} == {"Мария Колева"}


@pytest.mark.parametrize("text", [
    article("Съветниците спориха дълго. След изборите общината ще настоява за \"бърза проверка\" на сградите."),
    article("Министърът Иван Петров ще обясни утре, че бюджетът е готов."),
    article("Кметът Петко Ангелов би казал, че метрото е готово."),
    article("Кметът Петко Ангелов не каза, че метрото е готово."),
])
def test_a_future_conditional_or_negated_verb_reports_nothing(text):
    assert extract_text(text) == []


@pytest.mark.parametrize("text, expected", [
    (article("Министърът Иван Радев заяви, че бюджетът е готов. И. Радев коментира, че отговорът ще е бърз."),
     [("Иван Радев", "Министърът Иван Радев"), ("Иван Радев", "И. Радев")]),
    (article("Вчера Г. Радев коментира, че отговорът ще е бърз."), [("Г. Радев", "Г. Радев")]),
    (article("Министърът Иван Радев заяви, че бюджетът е готов. В. Радев коментира, че отговорът ще е бърз."),
     [("Иван Радев", "Министърът Иван Радев"), ("В. Радев", "В. Радев")]),
])
def test_an_initial_is_part_of_the_name_and_joins_only_a_name_it_starts(text, expected):
    assert [(q.speaker, q.speaker_mention) for q in extract_text(text)] == expected


# -- the media a statement passed through --------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    (article("„Ще продължим изпитанията“, каза Ким пред KCNA, цитиран от Ройтерс, предаде БГНЕС."),
     [("Ким", "ЦТАК", ("ЦТАК", "Ройтерс", "БГНЕС"))]),
    (article("Министърът Иван Петров заяви пред Би Би Си, цитиран от Ройтерс, че бюджетът е готов."),
     [("Иван Петров", "Би Би Си", ("Би Би Си", "Ройтерс"))]),
    (article("СОФИЯ /БГНЕС/ Министърът Иван Петров заяви, цитиран от АФП, че бюджетът е готов."),
     [("Иван Петров", "АФП", ("АФП",))]),
    (article("Министърът Иван Петров заяви, че бюджетът е готов."), [("Иван Петров", None, ())]),
])
def test_the_chain_of_media_nearest_the_speaker_first(text, expected):
    assert [(q.speaker, q.source, q.via) for q in extract_text(text)] == expected


@pytest.mark.parametrize("text, expected", [
    (article("Според министъра на финансите цените ще растат."), [("министъра на финансите", "цените ще растат.")]),
    (article("Според експерти от института цените ще растат."), [("експерти от института", "цените ще растат.")]),
    (article("Според източници от министерството проверката ще продължи месец."),
     [("източници от министерството", "проверката ще продължи месец.")]),
    (article("Според запознати с плана част от ремонтите ще бъдат отложени."),
     [("запознати с плана", "част от ремонтите ще бъдат отложени.")]),
])
def test_according_to_a_phrase_leaves_the_clause_its_subject(text, expected):
    assert [(q.speaker_mention, q.text) for q in extract_text(text)] == expected


@pytest.mark.parametrize("text, expected", [
    (article("СОФИЯ /БТА/ „Ще има проверка“, каза министърът Иван Петров."), [("direct", "Ще има проверка", "БТА")]),
    (article("ВАРШАВА (БГНЕС) „Ще има проверка“, каза Марек Новак."), [("direct", "Ще има проверка", "БГНЕС")]),
    (article("Варна, 3 май /БГНЕС/ „Ще има проверка“, каза Марек Новак."), [("direct", "Ще има проверка", "БГНЕС")]),
])
def test_a_dateline_before_a_quote_is_not_part_of_any_statement(text, expected):
    assert [(q.kind, q.text, q.agency) for q in extract_text(text)] == expected


# -- a speaker has a shape ------------------------------------------------------------------------

def speakers(text: str):
    return [q.speaker for q in extract_text(text)]


@pytest.mark.parametrize("text, expected", [
    # an adverbial between the speaker and the verb, or between the verb and the speaker
    (article("Министърът Иван Петров за пореден път увери, че бюджетът ще бъде приет."), ["Иван Петров"]),
    (article("Иван Петров от своя страна заяви, че бюджетът ще бъде приет."), ["Иван Петров"]),
    (article("Говорителката Мария Илиева в четвъртък съобщи, че заседанието се отлага."), ["Мария Илиева"]),
    (article("„Бюджетът ще бъде приет“, каза в понеделник вечерта министърът Иван Петров."), ["Иван Петров"]),
    # an age, a prefix of a role, a place before the name or a caption's word after it
    (article("„Няма да се откажа“, каза 53-годишният Георги Илиев."), ["Георги Илиев"]),
    (article("„Изкуството е свобода“, каза 36-годишният кипърски артист Андреас."), ["Андреас"]),
    (article("„Ще гласуваме против“, каза зам.-председателят на партията Иван Петров."), ["Иван Петров"]),
    (article("„Полетът е отклонен“, каза консулът на България в Букурещ Стефан Маринов."), ["Стефан Маринов"]),
    (article("„Ще подпиша“, каза министърката Лиляна Иванова България"), ["Лиляна Иванова"]),
    # no phrase of the wrong shape is a speaker: the reading is none
    (article("„Ще има избори“, каза миналата седмица."), [None]),
    (article("„Ще спечелим“, каза в София министърът Иван Петров."), ["Иван Петров"]),  # a place is where
    (article("Решението на съда предполага, че делото ще се проточи."), []),  # a thing's stance is no statement
    (article("Петров отказа да коментира, че бюджетът закъснява."), []),  # "да": nothing said
    # ... though "да" after a credit or in "макар да" reports
    (article("Петров беше цитиран от БТА да казва: „Бюджетът ще бъде приет“."), ["Петров"]),
])
def test_speaker_shape(text, expected):
    assert speakers(text) == expected


def test_a_medium_named_after_the_speaker_is_the_source_not_part_of_who():
    text = article("Според британски коментатор по телевизионния канал Би Би Си войната може да продължи.")
    [q] = extract_text(text)
    assert (q.speaker, q.source) == ("британски коментатор", "Би Би Си")
    assert q.text.startswith("войната")


# -- pronouns by agreement and salience ---------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a first name tells a gender no surname ending shows
    (article("Тереза Мей се срещна с Джон Смит в Лондон.", "„Преговорите продължават“, каза тя."), ["Тереза Мей"]),
    # what the text states outweighs the first name: "която", a participle
    (article("Никола Стърджън, която води партията от години, се срещна с Джон Смит.",
             "„Ще има нов референдум“, каза тя."), ["Никола Стърджън"]),
    # the subject of the nearest sentence, not a person named after it
    (article("Министърът Иван Петров прие вчера посланика Джон Смит.", "„Разговаряхме за газа“, каза той."),
     ["Иван Петров"]),
    # two capitalised words ending in a place are no person to point back at
    (article("Министърът Иван Петров говори за бюджета.", "Темата Брекзит Великобритания обсъжда отдавна.",
             "„Бюджетът е готов“, каза той."), ["Иван Петров"]),
    # an office keeps its masculine noun for a woman: the name tells her gender
    (article("Премиерът Мария Димова се срещна с Георги Илиев.", "„Бюджетът е готов“, каза тя."),
     ["Мария Димова"]),
    (article("Канцлерът Ана Шулц прие министъра Иван Петров.", "„Говорихме за газа“, добави тя."), ["Ана Шулц"]),
])
def test_pronoun_agreement_and_salience(text, expected):
    assert speakers(text) == expected


def test_a_quoted_name_in_a_role_complement_is_no_part_of_the_name():
    text = article("„Газът ще поскъпне“, коментира малко по-късно ръководителят на „Газпром“ Алексей Милер, цитиран от ТАСС.")
    [q] = extract_text(text)
    assert (q.speaker, q.source) == ("Алексей Милер", "ТАСС")


@pytest.mark.parametrize("text, expected", [
    # a second verb of the same subject, behind a conjunction and an adverbial
    (article("Министърът Иван Петров призна, че бюджетът закъснява, но в същото време увери, че няма да има съкращения."),
     ["Иван Петров", "Иван Петров"]),
    (article("Дори премиерът Мария Илиева знае това и миналата седмица повтори, че търговията е важна."),
     ["Мария Илиева"]),
    # people by what they are can hold a view; a thing cannot
    (article("Младежите си купили билети и твърдят, че летището е добре уредено."), ["Младежите"]),
])
def test_the_subject_of_a_coordinated_verb(text, expected):
    assert speakers(text) == expected


# -- documents, bodies and colon introductions ----------------------------------------------------

def test_a_document_speaks_for_its_issuer_and_later_mentions_of_it_too():
    text = article("Безработицата ще расте, се казва в нов доклад на Световната банка.",
                   "Според доклада заплатите ще останат същите.",
                   "„Реформите не търпят отлагане“, пише в документа.")
    assert speakers(text) == ["Световната банка", "Световната банка", "Световната банка"]


def test_a_body_named_in_marks_after_its_noun_speaks_by_its_name():
    text = article("Тази сутрин от компанията „Газопренос“ съобщиха, че газът ще поскъпне.")
    assert speakers(text) == ["Газопренос"]
    assert [q.speaker_mention for q in extract_text(text)] == ["компанията „Газопренос“"]


def test_a_colon_closing_the_paragraph_before_introduces_the_quote_and_its_issuer():
    text = article("Президентът Калин Стоянов свика съвета.", "Ето и позицията на държавния глава:",
                   "„Кризата изисква ясни мерки. Правителството закъснява с плана си.", "Нужен е публичен регистър на разходите.“")
    [q] = extract_text(text)
    assert (q.kind, q.speaker, q.verb) == ("direct", "Калин Стоянов", None)
    assert q.text.startswith("Кризата") and q.text.endswith("разходите.")  # one quote over two paragraphs


def test_a_named_speakers_own_clause_keeps_the_medium_credit_as_source():
    text = article("Министърът Иван Петров приветства факта, че сделката е подписана, пише „Гардиън“.")
    assert [(q.speaker, q.verb, q.source, q.text) for q in extract_text(text)] == [
        ("Иван Петров", "приветства", "Гардиън", "сделката е подписана")]


@pytest.mark.parametrize("text, source", [
    (article("В обръщение, публикувано в Туитър, Иван Петров сподели, че реформата е готова."), "Туитър"),
    (article("Реформата е готова. Това съобщи министърът Иван Петров за БНТ."), "БНТ"),
    (article("Реформата е готова. Това съобщи зам.-министърът Иван Петров за БНТ."), "БНТ"),
    (article("„Билетите купихме сами“, заяви пред „Добро утро, България“ по БНТ пътникът Иван Петров."), "БНТ"),
    (article("„Ще спечелим“, написа в Туитър министърът Иван Петров."), "Туитър"),
    (article("Икономиката ще загуби милиарди. Това съобщи в събота британският вестник „Индипендънт“, "
             "цитиран от БТА."), "БТА"),  # a time before the medium is no part of an outlet phrase
])
def test_a_source_in_the_statements_own_clause(text, source):
    assert [q.source for q in extract_text(text)] == [source]


@pytest.mark.parametrize("text, expected", [
    # a name after a preposition is the complement's, not who speaks
    (article("Поддръжниците на Калин Стоянов се надяват, че той ще спечели."), ["Поддръжниците на Калин Стоянов"]),
    (article("„Няма да коментираме“, каза говорителят на Калин Стоянов."), ["говорителят на Калин Стоянов"]),
    # an adverbial opening the sentence and an apposition before the verb
    (article("Малко след решението на съда в петък Иван Петров, ръководител на партията в областта, "
             "заяви, че ще обжалва."), ["Иван Петров"]),
    (article("Един от берачите, който също бил съсед, изведнъж изкрещял, че водата е мръсна."),
     ["Един от берачите"]),
    (article("Според правителството на Великобритания сделката е добра."), ["правителството на Великобритания"]),
    (article("„Ще гласуваме“, каза председателят на Върховната рада (украинския парламент) Анна Гопко."),
     ["Анна Гопко"]),
    (article("Бившият министър Иван Петров, който води листата, заяви, че ще гласува против."), ["Иван Петров"]),
    # the object of a preposition before the subject is no part of it; a second definite word after
    # a definite role is an apposition ("главният ... французинът X"), after a bare plural a new phrase
    (article("В реч пред фермери от Добруджа българският министър на земеделието Пенчо Колев заяви, "
             "че субсидиите ще растат."), ["Пенчо Колев"]),
    (article("Главният преговарящ на съюза холандецът Ян де Врис заяви, че срокът е реалистичен."),
     ["Ян де Врис"]),
    (article("Според източници от министерството бюджетът на общините ще бъде орязан."),
     ["източници от министерството"]),
    # the object of a preposition before the subject is no part of it; "от" and a body after a
    # name is where the person comes from
    (article("В писмото си депутатите заявиха, че ще гласуват против."), ["депутатите"]),
    (article("Проф. Иван Петров от Института по физика към БАН обясни, че вирусът отслабва."), ["Иван Петров"]),
    # an occasion after a role is no part of who; an event is no name, nor part of one
    (article("„Бюджетът е готов“, каза говорителят на кабинета след среща с банкерите."),
     ["говорителят на кабинета"]),
    (article("„Ще подпишем“, каза министърът по Брекзит Иван Петров."), ["Иван Петров"]),
    (article("Поддръжниците на Брекзит твърдят, че сделката е лоша."), ["Поддръжниците на Брекзит"]),
    # an indefinite role after a name and its comma, the closing comma lost: the name speaks
    (article("На свой ред Иван Петров, председател на групата на ЕНП в ЕП заяви, че е загрижен."), ["Иван Петров"]),
    # an adverb opening the sentence is nobody
    (article("Досега всички привърженици на партията твърдяха, че сделката е лоша."),
     ["всички привърженици на партията"]),
    # a quantifier or "други" opens a group; "мнозина" is one
    (article("Някои британски депутати смятат, че сделката е лоша."), ["Някои британски депутати"]),
    (article("Други телевизии, сред които Ен Би Си, смятат, че резултатът не е сигурен."), ["Други телевизии"]),
    (article("Мнозина вярват, че резултатът не е сигурен."), ["Мнозина"]),
    # a title states an office: "проф." is later "професорът"
    (article("В студиото беше математикът проф. Николай Витанов.", "Професорът посочи, че пикът е минал."),
     ["Николай Витанов"]),
    # a reflexive verb's particle stands between it and who: "оплака се една от пътничките"
    (article("„Чакахме три часа без вода“, оплака се една от пътничките."), ["една от пътничките"]),
    # "За това" points back like "Това"
    (article("Преговорите ще бъдат трудни. За това предупреди депутатът Иван Петров."), ["Иван Петров"]),
    # a medium's name is no part of the person named after it; the object of a preposition
    # opening the sentence is nobody a pronoun points back at
    (article("„Срещата е полезна“, каза в интервю за Би Би Си Еманюел Макрон."), ["Еманюел Макрон"]),
    (article("Иван Петров дойде в университета. Пред студентите той повтори, че срещата е полезна."),
     ["Иван Петров"]),
    # two offices joined by "и" before the name: both are hers, and either names her later
    (article("Вицепремиерът и министър на външните работи Мария Илиева пристигна в Брюксел.",
             "Министър Иван Петров също дойде. „Срещата е полезна“, допълни вицепремиерът."), ["Мария Илиева"]),
    # a bare definite body noun is the body last named after the same noun
    (article("Компанията „Аксиом“ обмисля да изтегли инвестициите си.", "Компанията твърди, че рискът е голям."),
     ["Аксиом"]),
    # a quoted name closes a role's complement; a time after it is no part of who
    (article("Според дипломата на „Даунинг стрийт“ в момента няма напредък."), ["дипломата на „Даунинг стрийт“"]),
    # a capitalised definite word after a media noun opens the next phrase, not the medium's name
    (article("Британският вестник „Гардиън“ пише за срещата. Според изданието Европейският парламент "
             "настоява за нови правила."), ["Гардиън"]),
    # an adverbial of two words before the verb is no part of who (the place after a plural
    # subject is: it says which of them); a number ends a Latin name
    (article("Депутатите в Брюксел освен това изтъкват, че сделката е лоша."), ["Депутатите в Брюксел"]),
    (article("Проектната компания Energy Link 2 заяви, че строежът продължава."), ["Energy Link 2"]),
    # no phrase starts inside a medium's name
    (article("В интервю за Би Би Си Мартин подчертава, че сделката е лоша."), ["Мартин"]),
    # a role's plural form is a group, never the one person named with that role; a time opening
    # the sentence is no part of who
    (article("Главният прокурор Иван Петров пристигна.", "Според главните прокурори на областите изборите са честни."),
     ["главните прокурори на областите"]),
    (article("Миналата година банкерите се оплакаха, че никой не ги чува."), ["банкерите"]),
    # a byline's name ("Превод и редакция: X") is nobody a pronoun points back at
    (article("Министърът Иван Петров прие делегацията. Превод и редакция: Георги Колев",
             "Според него срещата е била полезна."), ["Иван Петров"]),
    # an outlet the article credits is nobody a pronoun or a role means; a eurocommissioner is a commissioner
    (article("Еврокомисарят Иван Петров предупреди, че сроковете са кратки, пише Sofia Weekly Review.",
             "Европейският комисар заяви, че сигурността е важна. „Ще работим заедно“, допълни той."),
     ["Иван Петров", "Иван Петров", "Иван Петров"]),
    # a colon quote whose verb has its subject after it; a second verb whose sentence began
    # inside the first quote goes on with the same speaker, not someone named in the quote
    (article("Или както посочва вирусологът Андрей Петров пред телевизия АРД: „Изключвам този вариант.“"),
     ["Андрей Петров"]),
    (article("Иван Петров заявява пред вестник „Труд“: „Речта е слаба. Гърция избира сама, а от ЕС казват "
             "друго“ и добавя: „Ще видим.“"), ["Иван Петров", "Иван Петров"]),
    # an object pronoun before the verb is nobody who speaks: the subject is before it
    (article("Депутатите проведоха среща с Иван Петров и му заявиха, че подкрепят плана."), ["Депутатите"]),
    (article("Отстъпката предизвика гнева на рибарите, които я определиха като „капитулация“."), ["рибарите"]),
    (article("Все повече републикански сенатори смятат, че изборите са честни."),
     ["Все повече републикански сенатори"]),
    # "тя" does not go on with a group, but does with "една от" them
    (article("„Чакахме три часа“, каза една от пътничките. Тя добави, че никой не е помогнал."),
     ["една от пътничките", "една от пътничките"]),
    # a role held for or beside someone ("говорителката", "съпругът") never means a person named
    # without it, while an office may ("министърът" after "Иван Петров")
    (article("Мария Илиева беше освободена от затвора.", "„Тя е в безопасност“, каза говорителката."),
     ["говорителката"]),
    (article("Иван Петров пристигна в Брюксел.", "„Срещата е полезна“, каза министърът."), ["Иван Петров"]),
    # a name keeps to one script; a body's Latin name in a role's complement is no part of the person's
    (article("Кабинетът е разделен, пише Sofia Weekly Review Петров е против сделката."), ["Sofia Weekly Review"]),
    (article("Експертът от холандската банка ABN Иван Петров каза, че паундът ще поевтинее."), ["Иван Петров"]),
    (article("Папа Бенедикт XVI заяви, че е загрижен."), ["Бенедикт XVI"]),
    # a place before an acronym is where the body is: "базираната в Женева СЗО"
    (article("Базираната в Женева СЗО заяви, че рискът е висок."), ["СЗО"]),
    # "в." is a newspaper after the verb, and a gerund after a credit clause has that medium for subject
    (article("Сделката е рискована, отбелязва в. „Гардиън“, добавяйки, че кабинетът е разделен."),
     ["Гардиън", "Гардиън"]),
    # a body headed by an office speaks for itself: the person named in its complement is not who
    (article("Офисът на британския премиер Мария Петрова посочи, че срещата е отложена."),
     ["Офисът на британския премиер Мария Петрова"]),
    (article("Според офиса на премиера Мария Петрова срещата е отложена."), ["офиса на премиера Мария Петрова"]),
    # a share of a group, and a quantifier with the body it belongs to
    (article("Според социолозите 77% от републиканците смятат, че е имало измами."), ["77% от републиканците"]),
    (article("Мнозина в Консервативната партия смятат, че премиерът е сгрешил."), ["Мнозина в Консервативната партия"]),
    # a place in one word is not the longer place that holds it
    (article("Властите в Северна Ирландия мълчат. Ирландия заяви, че няма да приеме проверки."), ["Ирландия"]),
])
def test_the_head_of_the_phrase_is_who(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a gerund's subject is the subject of the clause it hangs on, whatever that clause's verb
    (article("Поддръжници на реформата отхвърлиха доклада, отбелязвайки, че той е пристрастен."),
     ["Поддръжници на реформата"]),
    (article("Досега всички противници на сделката упорито отхвърляха идеята, изтъквайки, че тя е вредна."),
     ["всички противници на сделката"]),
    # over an opening participle phrase and a relative clause, to the clause with its subject
    (article("Изправена пред критики от министрите си, които искат оставката ѝ, Мария Петрова се опита да ги "
             "успокои, посочвайки, че споразумението е добро."), ["Мария Петрова"]),
    # over the reported clause and an apposition after the name
    (article("Иван Петров, говорител на проекта, отхвърли опасенията на съседните страни, посочвайки, че "
             "газопроводът е безопасен."), ["Иван Петров"]),
    (article("Министърът Иван Петров изрази притеснение, че не е ясно кой води преговорите, пояснявайки, "
             "че срокът изтича."), ["Иван Петров", "Иван Петров"]),
    (article("Вчера премиерът Мария Петрова говори пред парламента, казвайки, че няма алтернатива."),
     ["Мария Петрова"]),
])
def test_a_gerund_has_the_subject_of_its_main_clause(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # any head of a body means whoever the article named as one of its heads
    (article("Генералният директор на Световната здравна организация Иван Петров заяви, че пандемията не е "
             "свършила.", "Ръководителят на Световната здравна организация добави, че ваксините са безопасни."),
     ["Иван Петров", "Иван Петров"]),
    # a title that states an office, and its definite form later
    (article("Отец Иван Петров води радиопредаване в Милано.", "„Това е изпитание“, твърди отецът."), ["Иван Петров"]),
    # a definite description goes to someone named with no office, never to the official named since
    (article("Иван Петров напусна страната преди пет години. Той работи като програмист.",
             "Младият мъж, живеещ в Лондон, казва, че няма да се върне."), ["Иван Петров"]),
    (article("Мъж се върна от чужбина и отиде в кръчмата. Хората сигнализирали кмета Иван Петров.",
             "На пристигналите полицаи мъжът обяснил, че е бил проверен на границата."), ["Мъж"]),
    # a description any public figure bears goes to the one named, whatever their office
    (article("Бившият премиер Иван Петров коментира кризата.",
             "„Това е срам“, написа полският политик в социалната мрежа „Туитър“."), ["Иван Петров"]),
    # a body's noun ends its phrase: the verb after it is no word of who
    (article("Правителството изглежда не успява, се казва в доклада на комисията. Правителството изглежда не "
             "знае, заяви Мария Петрова."), ["комисията", "Мария Петрова"]),
])
def test_a_description_means_the_person_it_fits(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a body's name of a few words in marks is whole, wherever it stands
    (article("„Борова горичка“ се постара да успокои жителите, като ги увери, че паркът остава."), ["Борова горичка"]),
    (article("Днес „Борова горичка“ заяви, че паркът остава."), ["Борова горичка"]),
    # a person "от" a body with a lower-case noun before its name is still who speaks
    (article("Професор Иван Петров от бизнес училището „Зелен бряг“ посочва, че спадът е постоянен."), ["Иван Петров"]),
    # a document speaks for the body that issued it, named before with no "на"
    (article("Полското управление за защита на конкуренцията излезе с официално съобщение. Ограниченията "
             "важат за всички, се уточнява в съобщението."), ["Полското управление за защита на конкуренцията"]),
])
def test_a_body_in_marks_or_behind_a_document_speaks(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "Това заяви" with its subject past an outlet and an adverbial
    (article("Мария Илиева ще замине за Германия. Това заяви пред в. „Вечерен куриер“ нейният адвокат, предаде ДПА."),
     ["адвокат на Мария Илиева"]),  # whose, not "her" (the possessive resolved)
    # ... with a body's voice after "от", its complement's noun included
    (article("Заповедта влиза в сила от понеделник. Това съобщиха от пресцентъра на социалното министерство."),
     ["пресцентъра на социалното министерство"]),
    # ... with no subject at all: whom a pronoun there would mean
    (article("Канцлерката Мария Петрова пристигна в Берлин.",
             "Сделката трябва да бъде балансирана. Това заяви днес след среща в Берлин с британския премиер, предаде Ройтерс."),
     ["Мария Петрова"]),
])
def test_the_subject_of_this_said(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # many people bear no one's name: the name after a group's complement opens the clause (and
    # "в" before a noun that is no place, body or office is an adverbial of that clause)
    (article("Според прокурорите в сблъсъка Мария е ударила полицай."), ["прокурорите"]),
    (article("Според прокурорите в Пловдив Мария е ударила полицай."), ["прокурорите в Пловдив"]),
    # ... but one of them does, and a group in a document's complement is no head
    (article("„Чакахме три часа“, каза една от пътничките Мария Петрова."), ["Мария Петрова"]),
    (article("Според изказване на лидера на демократите Иван Петров те няма да подкрепят закона."), ["Иван Петров"]),
    # the audience after "пред" is not who
    (article("„Няма да спрем“, каза пред журналисти Петров в Пловдив."), ["Петров"]),
    # a role's complement ends at a finite verb, so the person after it is found
    (article("Повече от 60 депутати от Народната партия изпратиха писмо до министър-председателката Мария Петрова. "
             "Петрова заяви, че ще отговори."), ["Мария Петрова"]),
    # a second calling joined by "и", its place, then the name
    (article("Според икономиста и преподавател в Университета за национално и световно стопанство доц. Иван Петров "
             "подобна политика е рискова."), ["Иван Петров"]),
])
def test_where_a_group_or_role_phrase_ends(text, expected):
    assert speakers(text) == expected


def test_a_capitalised_time_word_is_no_name():
    assert speakers(article("Ден по-рано министърът на правосъдието Иван Петров каза, че няма измама.")) == ["Иван Петров"]
    caption = article("Мария Петрова и Иван Петров Време е страната да избира, каза Иван Петров пред БНТ.",
                      "„Няма да чакаме“, добави той.")
    assert speakers(caption)[-1] == "Иван Петров"


@pytest.mark.parametrize("text, expected", [
    # a document speaks for whoever made it
    (article("Сценариите варират. Проучването, проведено от Кеймбридж Иконометрикс, посочва, че производството "
             "ще падне. Икономиката на столицата ще спадне с 2%, се казва в доклада."),
     ["Кеймбридж Иконометрикс", "Кеймбридж Иконометрикс"]),
    # a body named in apposition after a dash is who its noun means later
    (article("Нова политическа партия - „Зелен път“, се роди в страната.", "Партията твърди, че вече има 300 кандидати."),
     ["Зелен път"]),
    # a section label before a name, a party in brackets after it
    (article("Цитат Иван Петров (ПП) заяви: „Това е срам.“"), ["Иван Петров"]),
    # a title between a role's complement and the name is no part of the complement
    (article("Говорителят на СЗО д-р Мария Петрова заяви, че рискът е висок. Министрите се срещнаха.",
             "Говорителят на СЗО добави, че ваксините са безопасни."), ["Мария Петрова", "Мария Петрова"]),
    # a body's name after "за" and "по", its abbreviation in brackets
    (article("Агенцията за гражданска защита заяви, че жертвите са 600."), ["Агенцията за гражданска защита"]),
    (article("Организацията за икономическо сътрудничество и развитие предупреди, че растежът ще падне."),
     ["Организацията за икономическо сътрудничество и развитие"]),
    (article("Същевременно Агенцията по общите въпроси на администрацията (АОВ) информира Иван Петров, че екипът "
             "е готов."), ["Агенцията по общите въпроси на администрацията"]),
    (article("Световната банка за икономиката на Азия заяви, че растежът ще падне."), ["Световната банка"]),
    # "Затова" points back like "Това"; the credit after it is the source
    (article("Растежът ще се забави. Затова предупреди Световната банка, съобщава Би Би Си."), ["Световната банка"]),
    # a name after a document's complement opens the clause; the document is its issuer's
    (article("Според прогнозите на големите медии в САЩ Петров има преднина. Петров е доволен. САЩ гласуват."),
     ["големите медии в САЩ"]),
])
def test_bodies_and_documents_named_in_full(text, expected):
    assert speakers(text) == expected


def test_an_unnamed_source_keeps_where_it_is_from():
    text = article("Министрите спорят. Ала източник от Брюксел е подчертал: „Ще се прилага дълго.“",
                   "Иван Петров мълчи. Източникът добави, че няма време.")
    assert speakers(text) == ["източник от Брюксел", "източник от Брюксел"]
    assert speakers(article("Министърът от София заяви, че срокът е кратък.")) == ["Министърът от София"]


@pytest.mark.parametrize("text, expected", [
    # an occasion after a role is when, a place noun's name a place; a feminine role no man
    (article("Иван Петров загуби изборите.", "„Това е срам“, каза демократката на предизборна проява в град Русе."),
     ["демократката"]),
    (article("Мария Петрова пристигна в Русе.", "„Това е срам“, каза демократката на предизборна среща."),
     ["Мария Петрова"]),
    # a party's member may hold any office: "демократът" is the one named before
    (article("Кандидатът за президент Иван Петров спечели изборите.", "„Ще работим заедно“, каза демократът."),
     ["Иван Петров"]),
    # a masculine office still goes to a woman
    (article("Мария Петрова говори пред парламента.", "„Няма да има втори референдум“, заяви британският премиер."),
     ["Мария Петрова"]),
    # counted and quantified groups, an adverb after them, a victim
    (article("На пресконференцията двете държавнички декларираха, че ще работят заедно."), ["двете държавнички"]),
    (article("Мнозина обаче смятат, че сделката е лоша."), ["Мнозина"]),
    (article("„Чакахме три часа“, каза потърпевша."), ["потърпевша"]),
])
def test_roles_and_groups_in_their_setting(text, expected):
    assert speakers(text) == expected


def test_a_name_written_only_alone_but_acting_twice_is_someone_a_pronoun_means():
    text = ("Петрова иска гаранции за сигурността\n\nПетрова акцентира върху нуждата от договор, посочва Франс прес. "
            "„Времената не позволяват блокаж“, заяви тя пред конференцията.")
    assert speakers(text)[-1] == "Петрова"
    # an acronym opening sentences is a body's, a credit line's first word no one's
    body = "ЕС иска гаранции\n\nЕС настоява за договор. „Времената не позволяват блокаж“, заяви тя."
    assert speakers(body)[-1] is None


def test_a_reporters_credit_is_the_mediums():
    text = article("София. Безвизовото пътуване е важно. Това каза министърът Иван Петров по време на дискусия, "
                   "предаде репортер на Агенция „Фокус“.")
    extraction = extract_article(text)
    assert [(q.speaker, q.source) for q in extraction.quotes] == [("Иван Петров", "Фокус")]
    assert extraction.article.agency == "Фокус"  # a Bulgarian agency credited in the body


@pytest.mark.parametrize("text, expected", [
    # a plural verb with no subject in a press review: the paper says it
    (article("Иван Петров говори дълго.", "Обвиняват министъра Мария Петрова, че е подвела кабинета, пише британският "
             "вестник „Вечерни вести“."), ["Вечерни вести"]),
    # ... unless a body's voice opens the clause
    (article("От Брюксел обаче казват, че британците ще загубят достъпа, припомни Ройтерс."), ["Брюксел"]),
    # an impersonal "се" verb is no one's: the narrator's hedge, no statement (unless a medium carries it)
    (article("Иван Петров говори дълго. Предполага се, че бюджетът е готов."), []),
    (article("Иван Петров говори дълго. Предполага се, че бюджетът е готов, съобщи БТА."), [None]),
])
def test_a_clause_with_no_subject(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a relaying medium's credit: the one it cites said it, the relay is the source
    (article("Компанията ще обжалва решението, съобщава агенция ТАСС, цитирайки председателя на компанията Иван Петров."),
     [("Иван Петров", "ТАСС")]),
    (article("ЕС ще отговори на мерките, предаде БТА, цитирайки Франс прес."), [("АФП", "БТА")]),
    (article("Президентите проведоха разговор, съобщи ТАСС, като се позовава на съобщение на пресслужбата на Кремъл."),
     [("пресслужбата на Кремъл", "ТАСС")]),
])
def test_a_medium_citing_another(text, expected):
    assert [(q.speaker, q.source) for q in extract_text(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a sentence credited only to a medium is the medium's, whatever verb its subject has; a quoted
    # fragment in it is the subject's words, with the medium for source
    (article("Мария Петрова обеща на страната „светло бъдеще“ след излизането, съобщава Би Би Си."),
     [("Би Би Си", "съобщава", None), ("Мария Петрова", "обеща", "Би Би Си")]),
    (article("ЕС ще отговори на мерките, предаде БТА."), [("БТА", "предаде", None)]),
])
def test_a_medium_crediting_someones_speech(text, expected):
    assert [(q.speaker, q.verb, q.source) for q in extract_text(text)] == expected


def test_an_unnamed_many_and_a_claim_of_others():
    assert speakers(article("Някои допускат, че той ще обяви кандидатурата си.")) == ["Някои"]
    assert speakers(article("Все пак все още никой не знае.")) == []
    # the "че" after critics' claims is theirs, not the verb's subject's; one's own fears are one's own
    assert speakers(article("Иван Петров отговори на критиките, че планът е слаб, с обещание за реформи.")) == []
    assert speakers(article("Иван Петров изрази опасенията си, че планът е слаб.")) == ["Иван Петров"]


@pytest.mark.parametrize("text, expected", [
    # a body's voice after "от", its name with a lower-case noun; a body in marks with its place
    (article("Заседанията ще се проведат в Брюксел, съобщиха от пресцентъра на Външно министерство."),
     ["пресцентъра на Външно министерство"]),
    (article("Белфаст. „Юнионистка лига“ на Северна Ирландия заплаши, че ще гласува против."), ["Юнионистка лига"]),
    (article("Китайската Национална здравна комисия съобщи, че случаите са 80."), ["Китайската Национална здравна комисия"]),
    # a body in a role's complement is whose; the government of a country whole
    (article("Говорителят на иранския Върховен съд Иван Петров заяви, че искането е внесено."), ["Иван Петров"]),
    (article("Правителството на Великобритания заяви, че няма да отстъпи."), ["Правителството на Великобритания"]),
    # the adjective before a group is the group's
    (article("Анализът е готов, а британски банкери смятат, че сделката е близо."), ["британски банкери"]),
])
def test_bodies_and_groups_whole(text, expected):
    assert speakers(text) == expected


def test_a_bodys_noun_means_the_body_named_with_it():
    text = article("Докладът на Световната здравна организация излезе вчера. Хората са уморени.",
                   "Според организацията рискът е висок.")
    assert speakers(text) == ["Световната здравна организация"]
    # "most countries" is no reference to the countries named before
    many = article("Балтийските страни протестираха. Повечето страни смятат, че газопроводът е опасен.")
    assert speakers(many) == ["Повечето страни"]


@pytest.mark.parametrize("text, expected", [
    # a place speaks when a clause with a plural verb or stance has no subject but opens with it
    (article("В Москва са категорични, че газопроводът ще бъде завършен."), ["Москва"]),
    (article("В Брюксел смятат, че сделката е близо."), ["Брюксел"]),
    (article("В Брюксел министърът заяви, че сделката е близо."), ["министърът"]),
    # the object relative's verb belongs to the clause's subject
    (article("Главният прокурор Иван Петров отговори остро на Мария Петрова, когото обвинява, че е подвела кабинета."),
     ["Иван Петров"]),
    # a capitalised adjective opening the sentence before a group or a calling
    (article("Изявени републиканци призоваха, че изборите трябва да бъдат преброени."), ["Изявени републиканци"]),
    # an occasion after a role: "в коментар на"
    (article("„Ваксината ще е готова“, каза говорителят на СЗО в коментар на публикуван доклад."),
     ["говорителят на СЗО"]),
])
def test_who_when_the_clause_names_no_one_plainly(text, expected):
    assert speakers(text) == expected


def test_a_lost_full_stop_before_a_capitalised_preposition_and_a_body_in_full():
    text = article("Сделката ще навреди на износа, казва лорд Иван Алли От Министерството по напускане на "
                   "Европейския съюз казват, че референдумът беше вот за контрол.")
    assert speakers(text) == ["Иван Алли", "Министерството по напускане на Европейския съюз"]
    # a document a medium published is no medium's words
    leaked = article("Стана известен документ, публикуван от британските медии. Страната ще бъде трета, гласи документът.")
    assert speakers(leaked) == ["документът"]


@pytest.mark.parametrize("text, expected", [
    # a share of those polled, whatever noun names them
    (article("Според проучването 44% от анкетираните смятат, че сделката е лоша."), [("44% от анкетираните", None)]),
    # a medium citing someone: the one cited says it, the medium is the source
    (article("Вестник „Вечерни вести“ цитира източник в Брюксел, че сделката е близо."),
     [("източник в Брюксел", "Вечерни вести")]),
    (article("РИА Новости цитира думи на посланик Мария Петрова, която заяви, че сделката е близо."),
     [("Мария Петрова", "РИА Новости")]),
    # a relative after a body in a complement means the body
    (article("Делът на фирмите, които заявяват, че ще вдигнат цените, расте."), [("фирмите", None)]),
])
def test_shares_citations_and_relatives(text, expected):
    assert [(q.speaker, q.source) for q in extract_text(text)] == expected


def test_a_clause_opening_the_sentence_shares_the_main_clauses_subject():
    text = article("Макар и да заяви пред депутатите, че иска специално споразумение, Мария Петрова не каза, "
                   "че законите ще спрат.")
    assert [(q.speaker, q.text) for q in extract_text(text)] == [("Мария Петрова", "иска специално споразумение")]


def test_a_phone_call_and_a_show_before_the_speaker_after_the_verb():
    text = article("„Чакахме три часа“, каза в телефонен разговор с „Денят започва“ по БНТ Мария Петрова.")
    assert [(q.speaker, q.source) for q in extract_text(text)] == [("Мария Петрова", "БНТ")]
    speech = article("„Трябва да се обединим“, призова в речта си кандидатът за президент Иван Петров.")
    assert speakers(speech) == ["Иван Петров"]


def test_a_company_named_bare_in_latin_letters_is_who_the_company_is():
    text = article("Modera Labs увеличава производството. Министрите се зарадваха.",
                   "Компанията твърди, че дозите ще стигнат.")
    assert speakers(text) == ["Modera Labs"]


def test_a_body_is_its_name_and_its_kinds_noun_means_it():
    text = article("Авиопревозвачът „Зелен полет“ заплаши, че ще напусне страната. Министрите мълчат.",
                   "Компанията твърди, че рискът е голям.")
    assert speakers(text) == ["Зелен полет", "Зелен полет"]
    # a foreign minister, the second time
    minister = article("Британският външен министър Иван Петров пристигна в Брюксел. Премиерът Мария Илиева остана.",
                       "„Няма да отстъпим“, допълни британският първи дипломат.")
    assert speakers(minister) == ["Иван Петров"]


def test_a_place_run_into_a_surname_and_an_object_clitic_before_the_speaker():
    assert speakers(article("В реч в Североизточна Англия Петров заяви, че сделката е добра. Петров е министър.")) == ["Петров"]
    assert speakers(article("Джак Лондон заяви, че книгата е добра.")) == ["Джак Лондон"]
    assert speakers(article("„Ще работим заедно“, допълни го Иван Кирилов.")) == ["Иван Кирилов"]


def test_a_nationality_before_a_role_keeps_apart_the_holders_of_one_office():
    text = article("Британският премиер Мария Илиева пристигна в Брюксел.",
                   "„Трябва да има ред“, каза бившият белгийски премиер. „Няма време“, каза британският премиер.")
    assert speakers(text) == ["бившият белгийски премиер", "Мария Илиева"]
    # a known medium after an adjective is the medium
    paper = article("Сделката е близо, пише британският Daily Express.")
    assert [q.speaker for q in extract_text(paper)] == ["Дейли Експрес"]


@pytest.mark.parametrize("text, expected", [
    # an impersonal "се" clause is no one's, neither the sentence's subject's nor the last speaker's:
    # the narrator's hedge, no statement at all (the gold lists none)
    (article("„Бюджетът е готов“, каза Иван Петров. Смята се, че парламентът ще го приеме."), ["Иван Петров"]),
    (article("Иван Петров показа информации, за които се твърди, че са взети от лаптопа."), []),
    # ... while a verb whose "се" form has a person for subject keeps it, and a document speaks
    (article("Иван Петров се оплака, че бюджетът е малък."), ["Иван Петров"]),
    (article("Юристите се съмняват, че законът ще мине."), ["Юристите"]),
    (article("Бюджетът е малък, се казва в доклада на Световната банка."), ["Световната банка"]),
])
def test_an_impersonal_clause_credits_no_one(text, expected):
    assert speakers(text) == expected


def test_two_named_before_a_plural_verb_speak_together():
    assert speakers(article("Великобритания и Франция заявиха, че ще работят заедно.")) == ["Великобритания и Франция"]
    assert speakers(article("Полша и Балтийските страни предупредиха, че газопроводът е опасен.")) == [
        "Полша и Балтийските страни"]
    assert speakers(article("Заседанието приключи и Иван Петров заяви, че ще работи.")) == ["Иван Петров"]


def test_a_leader_and_a_billionaire_are_the_ones_named_before():
    leader = article("Френският президент Иван Петров пристигна в Лондон.", "„Няма да отстъпим“, каза френският лидер.")
    assert speakers(leader) == ["Иван Петров"]
    rich = article("Иван Петров дари два милиона на кампанията.", "„Хората трябва да решат“, заяви милиардерът.")
    assert speakers(rich) == ["Иван Петров"]
    # a title run into the text doubles a name; it is one name
    doubled = article("Сделка няма да има, категоричен Петров Петров още веднъж предупреди, че срокът изтича.")
    assert speakers(doubled) == ["Петров"]


def test_a_press_review_item_opening_with_a_place_ends_the_quote_before():
    review = article("„Сделката е лоша“, каза Иван Петров.",
                     "Лондон. Мария Петрова се готви за срещата. „Ще подпишем още утре.“")
    assert speakers(review) == ["Иван Петров", None]
    same_story = article("„Сделката е лоша“, каза Иван Петров.", "„Ще подпишем още утре.“")
    assert speakers(same_story) == ["Иван Петров", "Иван Петров"]


def test_a_place_the_rules_do_not_list_is_no_one_a_pronoun_means():
    text = article("Британски рибари протестираха. Британски рибари минаха с лодки от Норт Шийлдс до Нюкасъл, "
                   "по призива на асоциацията им. Според нея сделката е лоша.")
    assert speakers(text) == [None]
    person = article("Мария Петрова пристигна в Норт Шийлдс. Според нея сделката е лоша.")
    assert speakers(person) == ["Мария Петрова"]


def test_a_social_network_is_a_source_only_with_its_name():
    named = article("Мария Илиева написа в социалната мрежа Туитър, че кризата ще отмине.")
    bare = article("Мария Илиева написа в социалната мрежа, че кризата ще отмине.")
    assert [q.source for q in extract_text(named)] == ["Туитър"]
    assert [q.source for q in extract_text(bare)] == [None]


def test_a_quote_opening_a_clause_credited_after_it_is_direct():
    text = article("„Нищо няма да се промени“ след излизането от съюза, заяви министърът Иван Петров.")
    assert [(q.kind, q.speaker, q.text) for q in extract_text(text)] == [("direct", "Иван Петров", "Нищо няма да се промени")]


def test_a_quote_with_no_clause_goes_on_from_the_statement_just_before_or_credits_no_one():
    near = article("„Бюджетът е готов“, каза министърът Иван Петров. „Няма да има нови данъци догодина.“")
    assert speakers(near) == ["Иван Петров", "Иван Петров"]
    far = article("„Бюджетът е готов“, каза министърът Иван Петров.", "Парламентът заседава до късно.",
                  "Депутатите гласуваха три закона.", "„Няма да има нови данъци догодина.“")
    assert speakers(far) == ["Иван Петров", None]  # recorded all the same, for the audit's "unattributed"


def test_a_role_of_something_else_is_someone_else():
    text = article("Кандидатът на републиканците Георги Илиев заяви, че ще спечели.",
                   "Кандидатът на демократите Мария Петрова заяви, че ще спечели.",
                   "„Ще изцеля страната“, каза кандидатът на демократите.",
                   "„Аз печеля“, каза кандидатът на републиканците.")
    assert speakers(text) == ["Георги Илиев", "Мария Петрова", "Мария Петрова", "Георги Илиев"]


@pytest.mark.parametrize("text, expected", [
    (article("„Ще продължим“, каза фон дер Лайен."), ["фон дер Лайен"]),
    (article("„Ще продължим“, каза Урсула фон дер Лайен."), ["Урсула фон дер Лайен"]),
    # after a preposition, the person opens with a first name, not the last two words
    (article("Генералният директор на СЗО Тедрос Аданом Гебрейесус заяви, че пандемията се ускорява."),
     ["Тедрос Аданом Гебрейесус"]),
    # a role of something no one here was named with is that role, not whoever spoke last
    (article("Министърът Иван Петров заяви, че ще подаде оставка.", "„Ще продължим работа“, каза ръководителят на СЗО."),
     ["Иван Петров", "ръководителят на СЗО"]),
    # a bare role is never someone known to hold another
    (article("Министърът на финансите Иван Петров откри сесията.", "Кметът Петко Ангелов говори след него.",
             "„Бюджетът е готов“, каза министърът."), ["Иван Петров"]),
])
def test_names_and_roles_of_the_right_extent(text, expected):
    assert speakers(text) == expected


def test_a_role_named_long_before_yields_to_the_speaker_just_quoted():
    filler = " ".join(["Парламентът обсъжда закона за бюджета от няколко седмици."] * 25)
    head = "Министърът на правосъдието Фауад Хюсеин заяви, че делото е приключило."
    tail = "Марио Белини заяви, че Италия ще помогне. „Ще дадем убежище“, подчерта министърът."
    assert speakers(article(head, filler, tail)) == ["Фауад Хюсеин", "Марио Белини", "Марио Белини"]
    assert speakers(article(head, tail)) == ["Фауад Хюсеин", "Марио Белини", "Фауад Хюсеин"]  # named just before


def test_a_latin_name_closing_a_credit_is_an_outlet():
    [q] = extract_text(article("Джонсън заяви, че сделката е мъртва, пише London Evening Standard."))
    assert (q.speaker, q.source) == ("Джонсън", "London Evening Standard")


@pytest.mark.parametrize("text, expected", [
    # a document whose issuer is its sentence's subject, and a relative clause that points at it
    (article("Концернът Еърбъс публикува изявление, в което се казва, че заводът ще бъде затворен.",
             "„Нямаме избор“, се казва още в изявлението."), ["Еърбъс", "Еърбъс"]),
    (article("От кампанията на Калин Стоянов разпространиха изявление, в което се казва:",
             "„Победата е на всички избиратели, които гласуваха.“"), ["кампанията на Калин Стоянов"]),
    # a topic or an occasion after a role is no part of who
    (article("„Ще продължим“, заяви демократът Джо Байдън.", "„Това е лъжа“, заяви демократът по повод работата на сина му."),
     ["Джо Байдън", "Джо Байдън"]),
    (article("„Няма да коментираме“, каза говорител на ЕК на пресконференция в Брюксел."), ["говорител на ЕК"]),
])
def test_documents_and_occasions(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a complement ends with its noun: a verb after a name or a definite noun is past the phrase
    (article("Бившият съветник при управлението на Петър Стоянов остана верен на себе си, като обвинява Иван Петров, "
             "че е разделил страната."), ["Бившият съветник при управлението на Петър Стоянов"]),
    (article("Работниците на Петров гледат на въпроса по друг начин и смятат, че заводът ще затвори."),
     ["Работниците на Петров"]),
    # an audience after the role is where the words were said, not who
    (article("„Няма да се откажем“, каза министърът на финансите пред журналисти в парламента."),
     ["министърът на финансите"]),
    # a word that links back ("Ето защо", "Затова") opens no phrase; with its own "че" clause the
    # verb credits the words after it, not the sentence before
    (article("Ето защо кметовете на Пловдив и Варна настояват, че държавата трябва да плати."),
     ["кметовете на Пловдив и Варна"]),
])
def test_where_a_subject_phrase_ends(text, expected):
    assert speakers(text) == expected


def test_a_linking_opener_with_its_own_that_clause_credits_what_follows():
    [q] = extract_text(article("Иван Петров е министър от година. Затова министърът заяви, че ще подаде оставка."))
    assert (q.text, q.speaker) == ("ще подаде оставка.", "Иван Петров")


@pytest.mark.parametrize("text, expected", [
    # a stray comma between a long subject and its verb
    (article("По време на брифинга главният здравен инспектор доц. Иван Петров, обясни, че болниците са пълни."),
     ["Иван Петров"]),
    # "който" after an apposition describes the person the apposition follows, not the body in it
    (article("В статията е цитиран Петър Марков, епидемиолог и преподавател в London School of Hygiene and "
             "Tropical Medicine, който казва, че вирусът ще отслабне."), ["Петър Марков"]),
    (article("Срещата води Иван Петров, председател на комисията по бюджета, който заяви, че няма пари."),
     ["Иван Петров"]),
    # a gerund's subject found past a time with dots ("т.г.")
    (article("През февруари т.г. папа Франциск се срещна със семейството на осъдената жена, определяйки я като "
             "„смела майка“."), ["Франциск"]),
])
def test_subjects_across_commas_and_appositions(text, expected):
    assert speakers(text) == expected


def test_a_latin_name_with_connectors_is_one_body():
    [q] = extract_text(article("Според Bank of America лихвите ще растат."))
    assert q.speaker == "Bank of America"
    [q] = extract_text(article("Deutsche Bank и Bank of America съобщиха, че ще преместят офисите си."))
    assert q.speaker == "Deutsche Bank и Bank of America"


def test_an_office_held_at_another_time_is_someone_else():
    text = article("Бившият министър Иван Петров критикува бюджета.", "Настоящият министър Георги Стоянов го защити.",
                   "„Бюджетът е балансиран“, каза бившият министър.")
    assert speakers(text) == ["Иван Петров"]


@pytest.mark.parametrize("text, expected", [
    # two callings joined by "и", the name after the second
    (article("„Няма да се откажем“, заяви членът на Демократическата народна партия и депутат в парламента "
             "Иван Петров-младши."), ["Иван Петров-младши"]),
    # a name set off by commas after a description of one person is who it means
    (article("Съпругът на Мария Петрова, Георги Петров, заяви, че семейството е в безопасност."), ["Георги Петров"]),
    # ... not one of many
    (article("Някои страни, включително Гърция, заявиха, че ще искат компенсации."), ["Някои страни"]),
    # a body named by its noun and field is the one the bare noun later means
    (article("Комисията по вътрешни дела на Народното събрание публикува доклад за миграцията.",
             "Според комисията границата е пробита."), ["Комисията по вътрешни дела на Народното събрание"]),
])
def test_descriptions_meet_their_names(text, expected):
    assert speakers(text) == expected


def test_a_paper_publishes_what_its_author_wrote():
    for text in ("Кризата е дълбока, се казва в авторска статия в Би Би Си на Петър Иванов.",
                 "Кризата е дълбока, пише в авторски материал за Би Би Си Петър Иванов."):
        [q] = extract_text(article(text))
        assert (q.speaker, q.source) == ("Петър Иванов", "Би Би Си")


def test_vote_labels_in_marks_are_no_ones_words():
    quotes = extract_text(article("Резолюцията беше приета със 110 гласа „за“ и 51 гласа „въздържал се“, "
                                  "се казва в съобщението на парламента."))
    assert [q.kind for q in quotes] == ["indirect"]


@pytest.mark.parametrize("sentence", [
    "Министерството отхвърли идеята за въвеждане на „зелени паспорти“ или „здравни карти“ в училищата.",
    "Публикувайки „оценка на въздействието“ върху бизнеса, компанията призова общината да отложи таксата.",
])
def test_a_notion_or_a_published_title_in_marks_is_no_ones_words(sentence):
    assert [q.kind for q in extract_text(article(sentence))] == []


def test_an_intention_is_no_view():
    # "смятат да" (mean to) reports nothing; "смятат, че" does
    assert extract_text(article("Депутатите смятат да излъчат ясни послания, залагайки на „ред и закон“.")) == []
    assert speakers(article("Депутатите смятат, че „редът и законът“ са важни.")) == ["Депутатите", "Депутатите"]


def test_a_relay_credits_the_one_it_leans_on():
    [q] = extract_text(article("Кметът подаде оставка, съобщи РИА Новости, като се позова на Ройтерс."))
    assert (q.speaker, q.source) == ("Ройтерс", "РИА Новости")


def test_by_his_words_is_one_lemma_whoever_he_is():
    quotes = extract_text(article("Иван Петров е министър. По думите му бюджетът е готов."))
    assert [(q.speaker, q.verb_lemma) for q in quotes] == [("Иван Петров", "по думите на")]


def test_he_is_the_subject_named_after_the_verb_not_the_last_name_in_his_clause():
    text = article("Търговията е трудна. За това предупреди ирландският вицепремиер Иван Петров, който се срещна с "
                   "британския министър Георги Стоянов и министъра на финансите Петър Илиев, предаде „Гардиън“.",
                   "„Ще бъде трудно“, заяви той по време на посещението.")
    assert speakers(text) == ["Иван Петров", "Иван Петров"]
    # ... while the person right after a verb with a subject of its own is its object
    text = article("Иван Петров обвини Георги Стоянов, че е излъгал.", "„Това е скандал“, каза той.")
    assert speakers(text) == ["Иван Петров", "Иван Петров"]


def test_a_verb_after_a_name_in_a_complement_ends_the_phrase():
    quotes = extract_text(article("Това според критиците на мярката превръщат страната във „васална държава“."))
    assert {q.speaker for q in quotes} == {"критиците на мярката"}


def test_a_paper_carrying_her_words_is_not_she():
    # "думите й" never means the clause's own subject: the woman named before it
    text = article("Мария Петрова си спомня случая.",
                   "Ла Стампа предава думите й: „Не мразя онези, които ми причиниха това зло.“",
                   "Сетне тя добавя: „Моля се за мир.“")
    assert speakers(text) == ["Мария Петрова", "Мария Петрова"]
    [q] = extract_text(article("Мария Петрова е щастлива. БТА предава думите й: „Благодаря на всички.“"))
    assert (q.speaker, q.source) == ("Мария Петрова", "БТА")


def test_a_document_speaks_for_the_body_named_as_its_maker_after_it():
    text = article("Днес парламентарен доклад посочва, че границите са неподготвени, предаде Ройтерс. Липсата на яснота "
                   "създава безпокойство, се допълва в доклада. „Правителството не схваща предизвикателството“, се посочва "
                   "в документа. Той е на комисията по вътрешни дела на Народното събрание.")
    assert speakers(text) == ["комисията по вътрешни дела на Народното събрание"] * 3
    # "Той е на ..." with no document before it in the paragraph owns nothing
    assert speakers(article("Според доклада цените ще растат.", "Той е на 45 години.")) == ["доклада"]


def test_a_gerund_takes_the_name_set_off_after_a_description():
    text = article("Преди дни съпругът на Мария Петрова, Георги Петров, поиска убежище в Канада, Гърция или Италия, "
                   "твърдейки, че е опасно за тях.")
    assert speakers(text) == ["Георги Петров"]
    # ... not a place in the list the clause goes on with
    text = article("Министърът поиска помощ от Съединените щати, Великобритания, Канада или Италия, твърдейки, че е спешно.")
    assert speakers(text) == ["Министърът"]


def test_an_indefinite_source_named_in_the_next_sentence():
    lead = "Проектът има риск да предизвика санкции. Това обяви високопоставен американски дипломат, цитиран от „Асошиейтед прес“."
    named = "Американският посланик Мария Петрова, която е експерт по енергетика, изтъкна, че САЩ се противопоставят."
    assert speakers(article(lead + " " + named)) == ["Мария Петрова", "Мария Петрова"]
    # another nationality, or no sentence naming anyone next, keeps the description
    other = "Германският посланик Мария Петрова, която е експерт по енергетика, изтъкна, че Берлин е против."
    assert speakers(article(lead + " " + other))[0] == "високопоставен американски дипломат"


@pytest.mark.parametrize("text, expected", [
    # two media after the verb are both the speaker
    (article("Цените ще растат, съобщиха Ройтерс и Блумбърг."), ["Ройтерс и Блумбърг"]),
    (article("Според РИА Новости и Интерфакс цените ще растат."), ["РИА Новости и Интерфакс"]),
    # a spokesman of someone named in the complement is the spokesman, not the one named
    (article("„Няма да има сделка“, каза говорител на министър-председателя Мария Петрова."),
     ["говорител на министър-председателя Мария Петрова"]),
    # a manner between the quote and its verb
    (article("Иван Петров е министър. „Не съм доволен“, със съжаление каза Георги Сорос."), ["Георги Сорос"]),
    # "които" after people and their complement means the people
    (article("Някои представители сред демократите, които смятат, че данъците са ниски, протестираха."),
     ["Някои представители сред демократите"]),
    # a description of a company's kind after it was named is that company
    (article("Концернът „Еърбъс“ публикува оценка на риска. Европейският производител на самолети заяви, "
             "че може да напусне страната."), ["Еърбъс"]),
    # a former holder of an office is not its holder now
    (article("Британският премиер Мария Петрова заяви, че сделката е готова.", "„Това е грешка“, каза бившият британски премиер."),
     ["Мария Петрова", "бившият британски премиер"]),
])
def test_pairs_spokesmen_manners_relatives_descriptions_and_terms(text, expected):
    assert speakers(text) == expected


def test_a_bare_noun_means_the_unnamed_speaker_just_quoted_by_it():
    text = article("Според европейски източник сделката е близо. „Остават детайли“, каза източникът.")
    assert speakers(text) == ["европейски източник", "европейски източник"]
    # ... and "той" after him is he, not a man he met
    text = article("Банкерите искат яснота. Това заяви говорител на Мария Петрова, цитиран от Ройтерс. „Лидерите подчертаха "
                   "нуждата от яснота“, каза говорителят след среща на Петрова и министъра Иван Илиев с банкери. "
                   "„Първата фаза им вдъхна увереност“, добави той.")
    assert speakers(text) == ["говорител на Мария Петрова"] * 3


def test_a_subject_with_its_relative_clause_is_no_ones_words_before_its_verb():
    quotes = extract_text(article("България, която е ротационен председател на Съвета на ЕС, предупреди британския премиер "
                                  "Мария Петрова срещу промените, предаде Франс прес."))
    assert [(q.speaker, q.text.startswith("България, която")) for q in quotes] == [("АФП", True)]
    # ... while a relative clause that closes before the words goes on does not stop them
    quotes = extract_text(article("Прогнозата, която предизвика дебати, е само средство за разискване, коментира министърът."))
    assert [q.speaker for q in quotes] == ["министърът"]


def test_a_medium_reporting_what_someone_said_is_the_source_of_their_words():
    [q] = extract_text(article("Премиерът ще настоява за партньорство. БиБиСи пояснява, че източници, близки до Мария Петрова, "
                               "са заявили, че тя е спокойна и уверена."))
    assert (q.speaker, q.source, q.text) == ("източници, близки до Мария Петрова", "Би Би Си", "тя е спокойна и уверена.")
    [q] = extract_text(article("БиБиСи пояснява, че министърът Иван Петров е заявил, че бюджетът е готов."))
    assert (q.speaker, q.source) == ("Иван Петров", "Би Би Си")
    [q] = extract_text(article("БТА съобщи, че цените ще растат."))  # no one inside: the medium's own report
    assert (q.speaker, q.text) == ("БТА", "цените ще растат.")


def test_a_thing_labelled_in_a_relative_clause_is_labelled_by_the_clauses_subject():
    quotes = extract_text(article("Иван Петров заяви, че иска да запази икономиката, като осмя страховете около вируса, "
                                  "който нарече просто един „лек грип“."))
    assert [(q.kind, q.speaker) for q in quotes if q.kind == "partial"] == [("partial", "Иван Петров")]
    # ... while "който" with an object of its own labels it himself
    quotes = extract_text(article("Министърът похвали експерта, който нарече плана „провал“."))
    assert [q.speaker for q in quotes] == ["експерта"]


@pytest.mark.parametrize("text, expected", [
    # "Това прогнозира X" credits the sentence before as "Това заяви X" does; "Това предполага" credits nothing
    (article("Цените на тока ще растат. Това прогнозира пред БНР Иван Петров, експерт по енергетика."), ["Иван Петров"]),
    (article("Ваксините са три. Това предполага бърза кампания за хората."), []),
    # a masculine role in its short definite form points back at the person just quoted
    (article("Цените на тока ще растат. Това прогнозира пред БНР Иван Петров, експерт по енергетика. "
             "По думите на експерта цените на газа също ще растат."), ["Иван Петров", "Иван Петров"]),
    # "думите й" before a colon: hers
    (article("В речта на премиера Мария Петрова най-важни остават думите й към края: „Няма да се откажем от нищо.“"),
     ["Мария Петрова"]),
    # a surname alone right after its bearer spoke is he, not another of that name named first
    (article("Иван Смит е министър. Говори и Петър Смит. „Няма да се откажем“, каза Петър Смит. „Ще продължим“, допълни още Смит."),
     ["Петър Смит", "Петър Смит"]),
    # a body's unit and a communiqué
    (article("Звеното за проучвания към индийското правителство заяви, че растежът ще е седем процента."),
     ["Звеното за проучвания към индийското правителство"]),
    (article("Асоциацията „Рибари за излизане“ обяви протест. Уловът ще падне, се казва в комюнике на асоциацията."),
     ["Рибари за излизане"]),
])
def test_stance_credits_short_articles_words_owners_surnames_and_bodies(text, expected):
    assert speakers(text) == expected


def test_heads_and_relays_in_other_forms():
    text = article("„Цената ще расте“, каза главата на „Газпром“ Алексей Милер. „Няма да отстъпим“, посочи той.")
    assert speakers(text) == ["Алексей Милер", "Алексей Милер"]
    [q] = extract_text(article("Премиерът подаде оставка, предадоха световните агенции, като се позоваха на говорителя на премиера."))
    assert (q.speaker, q.source) == ("говорителя на премиера", "световните агенции")
    # a relay leaning on "информация" names no source
    [q] = extract_text(article("Партньорите са осигурили финансиране, съобщиха руски медии, като се позовават на информация от фирмата."))
    assert q.source != "информация"


@pytest.mark.parametrize("text, expected", [
    # a list of places after a role's "на" is all of its complement
    (article("Кметовете на Бирмингам, Бристол, Кардиф и Шефийлд настояват, че градовете им ще пострадат."),
     ["Кметовете на Бирмингам, Бристол, Кардиф и Шефийлд"]),
    (article("Кметът на София и Пловдив заяви, че няма пари."), ["Кметът на София и Пловдив"]),
    # ... while an apposition after a comma is no item of a list
    (article("Министърът на Франция, Жан Льо Дриан, заяви, че няма сделка."), ["Жан Льо Дриан"]),
    # a document the words were said in is no part of who ("в комюнике")
    (article("Авиокомпанията „Луфтханза“ спира полети. Полетите ще бъдат отменени, уточни компанията в комюнике."),
     ["Луфтханза"]),
])
def test_lists_of_places_and_documents_after_a_role(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # people and the words set off after them that say which ones
    (article("Източник, запознат с дейността на парламента, заяви, че гласуването ще бъде отложено."),
     ["Източник, запознат с дейността на парламента"]),
    (article("Лекарите, провеждали аутопсии на пациенти, твърдят, че вирусът атакува съдовете."),
     ["Лекарите, провеждали аутопсии на пациенти"]),
    # ... not a relative clause, nor a body's description
    (article("Министърът, който е в отпуск, заяви, че няма пари."), ["Министърът"]),
    # a clause with no subject of its own goes on with the one before
    (article("Единият от трите съдии беше категоричен. Обяснява, че решението е окончателно."), ["Единият от трите съдии"]),
    (article("Министърът Иван Петров пристигна в София. И призовава, че трябва да се действа."), ["Иван Петров"]),
    # ... but a dateline is no clause
    (article("Лондон. Обвиняват министъра, че е подвел кабинета, пише вестник „Таймс“."), ["Таймс"]),
])
def test_appositions_and_subjects_carried_over(text, expected):
    assert speakers(text) == expected


def test_he_is_the_subject_after_a_place_and_a_description_not_the_one_he_beat():
    text = article("В Аризона бившият астронавт Марк Кели победи републиканския пилот Мариан Максали. "
                   "По-рано той заяви, че е сигурен в победата.")
    assert speakers(text) == ["Марк Кели"]


def test_a_description_opening_the_next_sentence_is_the_man_just_named():
    text = article("В съюза има неща, които са трудно защитими, признава Иван Петров, цитиран от Daily Express. "
                   "Бившият британски премиер говори пред студенти в Лондон. Там той припомня някои моменти. "
                   "Той казва, че се опитал да реформира съюза.")
    assert speakers(text) == ["Иван Петров", "Иван Петров"]
    # ... not someone the article names with another office
    text = article("Министърът Иван Петров откри сесията. Премиерът говори пред депутати. Той каза, че бюджетът е готов.")
    assert speakers(text) != ["Иван Петров"]


def test_the_company_after_a_latin_name_in_a_genitive():
    text = article("Забраната на Facebook не е насочена към протестите. Компанията твърди, че забранява събиранията.")
    assert speakers(text) == ["Facebook"]


def test_a_role_with_an_acronym_is_the_one_named_with_its_full_title():
    text = article("Председателят на Европейския парламент Иван Петров откри сесията. "
                   "„Ще гласуваме“, посочи председателят на ЕП.")
    assert speakers(text) == ["Иван Петров"]


def test_a_medium_heading_a_headline_is_the_source_of_the_words_after_it():
    [q] = extract_text("Би Би Си: Министърът Иван Петров заплаши, че ще подаде оставка\n\n"
                       "Текстът на статията продължава тук с подробности за оставката.\n")
    assert (q.speaker, q.source) == ("Иван Петров", "Би Би Си")


def test_a_broadcast_fronting_the_sentence_is_its_source():
    quotes = extract_text(article("Иван Петров говори пред Би Би Си за бюджета.",
                                  "В същото предаване на Би Би Си министърът Георги Колев заяви, че няма пари."))
    assert [(q.speaker, q.source) for q in quotes] == [("Георги Колев", "Би Би Си")]


def test_a_section_label_and_a_gerund_are_no_ones_name():
    text = article("22.01.2018 Свят Уважавайки вота на французите, Еманюел Макрон би приветствал промяната. "
                   "Френският президент заяви в интервю, че гласуването е било грешка.")
    assert speakers(text) == ["Еманюел Макрон"]


def test_a_bare_statement_document_is_the_last_speakers_own():
    text = article("Компанията „Алфа“ обяви загуби за годината. Компанията твърди, че пазарът се свива. "
                   "Ако няма удължение, компанията ще спре инвестициите, се казва още в изявлението.")
    assert speakers(text) == ["Алфа", "Алфа"]
    # ... but not when the document was named with its maker since that speaker spoke
    text = article("Министърът Иван Петров заяви, че ще има проверка. Това се казва и в съобщение на агенцията. "
                   "При нарушение ще има глоба, уточнява се в съобщението.")
    assert speakers(text) == ["Иван Петров", "агенцията"]


def test_a_possessive_inside_a_phrase_keeps_the_phrase_whole():
    text = article("Адвокатите ще продължат да оспорват резултатите, се казва в изявлението на предизборния му щаб.")
    assert speakers(text) == ["предизборния му щаб"]
    text = article("Външният министър Мария Колева прие делегацията. "
                   "Имаме съгласие за преходен период, отчете първият ни дипломат.")
    assert speakers(text) == ["Мария Колева"]  # "първият ни дипломат" is a foreign minister


def test_a_document_between_the_subject_and_its_verb_is_where_not_who():
    text = article("Румънският премиер Михай Попеску в скорошно изявление изрази притесненията си, че цените ще се вдигнат.")
    assert speakers(text) == ["Михай Попеску"]
    # opening the sentence, with an impersonal verb, the document still speaks for its maker
    text = article("Институтът по икономика публикува годишния си доклад. В доклада се посочва, че растежът ще спадне.")
    assert speakers(text) == ["Институтът по икономика"]


def test_a_surname_misspelt_by_a_letter_is_the_person_named_in_full():
    text = article("Испанският експерт Антонио Зпатеро коментира новия вариант. "
                   "„Той се предава по-лесно, но не води до по-тежко боледуване“, каза Запатеро.")
    assert speakers(text) == ["Антонио Зпатеро"]
    # a surname that differs in its ending is someone else ("Петрова" is not "Петров")
    text = article("Депутатът Иван Стоянов внесе предложението. „Ще гласуваме против“, каза Стоянова.")
    assert speakers(text) == ["Стоянова"]


def test_an_adjective_before_a_media_noun_points_back_at_the_medium_named_before():
    quotes = extract_text(article("Премиерът Иван Петров ще подаде оставка, пише „Гардиън“. "
                                  "Британското издание твърди, че решението е взето в неделя."))
    assert [(q.speaker, q.source) for q in quotes] == [("Гардиън", None), ("Гардиън", None)]
    # ... while a capitalised body's name with the same noun is no medium
    [q] = extract_text(article("Федералната агенция по морско дело съобщи, че проверката е приключила."))
    assert q.speaker == "Федералната агенция по морско дело"


def test_an_agency_in_capitals_before_a_full_stop_ends_the_sentence():
    text = article("Кабинетът посочи, че страната няма да остане в съюза, припомня АП. "
                   "Управляващата партия е разделена между желаещите пълна „раздяла“ и останалите.")
    assert [(q.kind, q.speaker, q.source) for q in extract_text(text)] == [("indirect", "Кабинетът", "АП")]


def test_a_masculine_office_leaves_the_holders_gender_open():
    text = article("Съюзът ще остане силен. Това подчерта шефът на дипломацията на ЕС Луиджина Бертолини, "
                   "която е на посещение в Куба, информира АФП. „Мнозина вярват, че това е краят“, изтъкна тя. "
                   "„Светът се нуждае от силен съюз“, поясни политикът.")
    assert speakers(text) == ["Луиджина Бертолини"] * 3


def test_a_definite_role_with_a_lower_case_complement_is_who_was_just_quoted():
    text = article("Иван Колев обвини кмета, че не е критикувал Москва. "
                   "„Кметът е в твърде топли отношения с Кремъл“, подчерта кандидатът на демократите.")
    assert speakers(text) == ["Иван Колев", "Иван Колев"]
    # ... but one speaking for someone ("говорителят на премиера"), or of a named body, is someone else
    text = article("Иван Колев заяви, че изборите ще бъдат честни. "
                   "„Референдум няма да има“, каза говорителят на министър-председателя.")
    assert speakers(text) == ["Иван Колев", "говорителят на министър-председателя"]
    text = article("Иван Колев заяви, че изборите ще бъдат честни. „Ваксините са безопасни“, каза ръководителят на СЗО.")
    assert speakers(text) == ["Иван Колев", "ръководителят на СЗО"]


def test_a_role_means_the_man_just_quoted_before_one_named_with_it_further_on():
    text = article("Иван Колев казва, че планът ще се провали. Той заявява, че съюзът трябва да го блокира. "
                   "Бившият премиер отхвърли стратегията, казвайки, че тя е обречена.",
                   "В другата статия се припомня, че бившият премиер Георги Стоев е искал друго.")
    assert speakers(text)[:3] == ["Иван Колев"] * 3


def test_an_impersonal_verb_saying_also_goes_on_with_who_was_quoted_before():
    text = article("Министерството на финансите заяви, че дефицитът ще бъде овладян. "
                   "Посочва се също, че разходите ще бъдат намалени с една десета.")
    assert [(q.speaker, q.text) for q in extract_text(text)] == [
        ("Министерството на финансите", "дефицитът ще бъде овладян."),
        ("Министерството на финансите", "разходите ще бъдат намалени с една десета.")]
    # ... while hearsay with no "also" is nobody's statement
    text = article("Министерството на финансите заяви, че дефицитът ще бъде овладян. "
                   "Съобщава се, че министърът ще подаде оставка.")
    assert speakers(text) == ["Министерството на финансите"]


@pytest.mark.parametrize("line", [
    "Иван Петров – министър на финансите:",
    "Иван Петров-министър на финансите:",
    "Иван Петров:",
])
def test_a_name_line_before_a_colon_introduces_the_quote_after_it(line):
    text = article("Министърът говори пред депутатите в сряда.", line,
                   "„Бюджетът ще бъде приет навреме. Няма да има нови данъци.“")
    assert [(q.kind, q.speaker) for q in extract_text(text)] == [("direct", "Иван Петров")]


def test_a_junior_keeps_his_name_and_a_quoted_name_after_a_colon_is_no_quote():
    text = article("Синът на президента Иван Петров-младши заяви, че баща му ще спечели.")
    assert speakers(text) == ["Иван Петров-младши"]
    quotes = extract_text("Вестник Пост: „Алфа“ заплаши, че ще изтегли бизнеса си\n\nКомпанията обяви решението в сряда.\n")
    assert "Алфа" not in [q.text for q in quotes]


def test_a_bare_definite_role_is_the_unnamed_holder_brought_in_just_before():
    text = article("Подобно становище изрази миналата пролет говорител на външното министерство, който допусна, "
                   "че вирусът е внесен. Междувременно говорителят използва по-умерена реторика и твърди, "
                   "че проследяването е динамичен процес.")
    assert speakers(text)[-1] == "говорител на външното министерство"


@pytest.mark.parametrize("who, name", [
    ("ръководителят на Световната здравна организация Тедрос Аданом Гебрейесус", "Тедрос Аданом Гебрейесус"),
    ("преподавателят в университета Уестминстър Адам Лазовски", "Адам Лазовски"),
    ("президентът на Украйна Петро Порошенко", "Петро Порошенко"),
    ("говорителят на иранския Върховен съд Голам Хосейн Исмаили", "Голам Хосейн Исмаили"),
])
def test_a_name_after_a_bodys_name_in_capitals_is_the_persons_whole(who, name):
    assert speakers(article(f"Светът трябва да похарчи повече, заяви {who}.")) == [name]


@pytest.mark.parametrize("sentence, who, words", [
    ("Мей посети Белфаст в сряда. Според Брюксел и Дъблин Мей трябва да спази обещанието си.",
     "Брюксел и Дъблин", "Мей трябва да спази обещанието си."),
    ("Според Иван Петров и Мария Колева границата трябва да остане отворена.",
     "Иван Петров и Мария Колева", "границата трябва да остане отворена."),
    ("Според синдикатите и работодателите заплатите трябва да растат.",
     "синдикатите и работодателите", "заплатите трябва да растат."),
    ("Бившите министри Иван Петров, Георги Колев и Петър Стоев написаха в писмо, че армията трябва да остане извън политиката.",
     "Иван Петров, Георги Колев и Петър Стоев", "армията трябва да остане извън политиката."),
])
def test_a_coordinated_speaker_is_every_conjunct(sentence, who, words):
    assert [(q.speaker, q.text) for q in extract_text(article(sentence))] == [(who, words)]


# One construction each, a sentence or two written for it, and who it names.
@pytest.mark.parametrize("text, expected", [
    pytest.param(article("На свой ред Иван Колев, председател на групата на ЕНП в ЕП заяви, че е загрижен. "
                         "„Не знам как ще постигнем споразумение“, допълни той."),
                 ["Иван Колев", "Иван Колев"], id="a_role_set_off_after_a_name_is_no_one_else_for_a_pronoun_to_mean"),
    pytest.param(article("Съветът на министрите прие директиви за водене на преговорите. "
                         "Преговорните директиви казват, че страната трябва да спазва правилата."),
                 ["Съветът на министрите"], id="a_document_adopted_by_a_body_speaks_for_that_body"),
    pytest.param(article("Проектът остава спорен. Полша и Балтийските страни се опасяват, че той ще засили влиянието на Русия."),
                 ["Полша и Балтийските страни"], id="two_subjects_before_a_reflexive_plural_verb_are_both_who"),
    pytest.param(article("Сорос говори в Лондон. „Всичко, което можеше да се случи зле, се случи зле“ през последните години, "
                         "със съжаление каза Джордж Сорос."),
                 ["Джордж Сорос"], id="a_manner_phrase_before_the_verb_after_a_quote_is_not_who"),
    pytest.param(article('"Боинг" предупреди вчера, че обмисля да намали производството. Американският производител '
    'на самолети обясни, че е направил оценка на рисковете. "Плановете ще бъдат преразгледани", '
    'предупреди компанията.'),
                 ["Боинг", "Боинг", "Боинг"], id="a_company_named_bare_in_quote_marks_is_who_its_nouns_mean_later"),
    pytest.param(article("Само една четвърт от жителите на страната вярват, че икономиката ще се подобри."),
                 ["една четвърт от жителите на страната"], id="a_share_of_a_group_is_that_share_not_the_whole_group"),
    pytest.param(article("Според института „Петър Берон“ рисковете са малки. "
                         "Компанията „Дунав Мост“ заяви, че ремонтът ще приключи през май."),
                 ["Институт „Петър Берон“", "Дунав Мост"], id="a_body_named_after_a_person_is_the_body"),
    pytest.param(article("Голяма част от водещите компании в града, като Алфа Банк, Бета Капитал и Гама Инвест "
                         "потвърдиха, че ще преместят офисите си."),
                 ["Голяма част от водещите компании в града"], id="examples_of_a_group_stand_for_the_group"),
    pytest.param(article("Министрите спориха цяла нощ. Като припомня, че спорът е стар, британският вестник „Дейли куриер“ "
                         "отбелязва, че решение няма."),
                 ["Дейли куриер", "Дейли куриер"], id="a_clause_opening_with_kato_has_the_main_clauses_subject"),
    pytest.param(article("Ясновидецът Петко Дамянов е известен с предсказанията си. "
                         "„Ще има нови избори догодина“, прогнозира медиумът."),
                 ["Петко Дамянов"], id="a_psychic_is_a_person_not_an_outlet"),
    # (and "Иван" of Иван Петров mentions no other Иван)
    pytest.param(article("Президентът Иван Марков заяви, че ще помогне.",
                         "Министърът Иван Петров не коментира. От неговия екип съобщиха, че той е на посещение в Рим."),
                 ["Иван Марков", "екип на Иван Петров"], id="a_body_after_a_possessive_is_that_persons"),
    pytest.param(article("Търговията ще продължи при сегашните условия. Това се посочва в писмо, изпратено до бизнеса "
                         "в петък от министъра на финансите Иван Петров. „Промените ще бъдат обявени навреме“, "
                         "се казва още в документа."),
                 ["Иван Петров", "Иван Петров"], id="a_document_sent_by_someone_is_theirs"),
    pytest.param(article("Премиерът пусна рекламата, без да се консултира със здравното министерство. "
                         "Оттам обаче обявиха, че мерките остават същите."),
                 ["здравното министерство"], id="ottam_is_the_body_named_just_before"),
    pytest.param(article("Президентът Иван Марков заяви, че ще спечели. Синът му Иван Марков-младши също е на митинга. "
                         "„Ще победим“, каза Марков."),
                 ["Иван Марков", "Иван Марков"], id="the_son_named_with_a_generation_is_not_the_father"),
    pytest.param(article("Източна Европа се нуждае от помощ, а Германия, която е най-голямата икономика в Европа, "
                         "обещава, че ще помогне."),
                 ["Германия"], id="the_head_of_a_relative_clause_after_a_conjunction_is_its_verbs_subject"),
    pytest.param(article("Министърът Иван Петров, който по време на среща с местни предприемачи подчерта, че данъците "
                         "ще паднат, пристигна вчера в Пловдив."),
                 ["Иван Петров"], id="a_prepositions_object_after_a_relative_pronoun_is_not_who_speaks"),
    pytest.param(article("Заповедта на правителството, подписана в неделя, гласи, че магазините остават затворени."),
                 ["правителството"], id="an_order_opening_the_sentence_is_its_issuers"),
    pytest.param(article("Лондон ще търгува с ЕС. Това се посочва в писмо, изпратено от ръководителите на три ведомства: "
                         "министърът на бизнеса Иван Петров, финансовия министър Георги Колев и министърът по Брекзит Петър Стоев."),
                 ["Иван Петров, Георги Колев и Петър Стоев"], id="a_group_whose_members_are_listed_after_a_colon_is_those_people"),
    pytest.param(article("Депутатите от опозицията мълчат от седмици, но някои от тях заявиха, че изборите са честни."),
                 ["някои от Депутатите от опозицията"], id="some_of_them_is_a_share_of_whom_the_pronoun_means"),
    pytest.param(article("Бившият британски премиер Иван Колев посети Варна и се срещна с кмета.",
                         "Британският премиер заяви, че визитата е лична."),
                 ["Британският премиер"], id="a_countrys_office_with_no_term_is_not_its_former_holder"),
    pytest.param(article("Бившият посланик Иван Колев посети Варна и се срещна с кмета.",
                         "Посланикът заяви, че визитата е лична."),
                 ["Иван Колев"], id="a_description_without_a_country_may_mean_a_former_holder"),
    pytest.param(article("Висши български лекари предупредиха, че болниците нямат достатъчно персонал."),
                 ["Висши български лекари"], id="adjectives_opening_the_sentence_belong_to_the_group"),
    pytest.param(article("„Строежът ще приключи навреме“, каза представител на компанията оператор Балкан Пайп АД."),
                 ["представител на компанията оператор Балкан Пайп АД"], id="a_name_with_a_legal_form_is_the_companys_not_the_speakers"),
    pytest.param(article("Според докладите на главния прокурор Иван Колев и комисиите в парламента, сделката е незаконна."),
                 ["Иван Колев и комисиите в парламента"], id="a_credit_joined_by_and_to_a_phrase_of_another_kind_is_both"),
    pytest.param(article("Министерството на правосъдието и ДАНС обявиха, че проверката продължава."),
                 ["Министерството на правосъдието и ДАНС"], id="a_body_and_a_name_before_a_plural_verb_speak_together"),
    pytest.param(article("Няколко държави и компании обявиха, че ще подкрепят инициативата."),
                 ["Няколко държави и компании"], id="a_lower_case_body_after_and_is_the_second_of_two"),
    pytest.param(article("Няколко държави и бизнеси вече обявиха, че ще подкрепят инициативата."),
                 ["Няколко държави и бизнеси"], id="two_joined_by_and_with_an_adverb_before_their_verb"),
    pytest.param(article("Според оценката на специалистите, рискът от наводнения остава висок."),
                 ["специалистите"], id="a_document_credited_with_its_holder_is_the_holders"),
    pytest.param(article("Реакцията дойде не от опозицията, а от изявени депутати, които нападнаха министъра и "
                         "заявиха, че бюджетът е нереалистичен."),
                 ["изявени депутати"], id="a_second_verb_in_a_relative_clause_has_the_clauses_head"),
    pytest.param(article("Спорът започна, защото жената пила вода от съда, който ползвали нейните колеги от бригадата. "
                         "По-късно те заявили, че тя е нарушила правилата."),
                 ["нейните колеги от бригадата"], id="they_are_the_people_a_plural_noun_named_in_a_sentence_of_no_speech"),
    pytest.param(article("Иван Колев, заслужил професор по епидемиология в университета в Пловдив, съобщи, че мерките ще "
                         "бъдат облекчени.", "Той обаче предупреждава, че вирусът не е изчезнал."),
                 ["Иван Колев", "Иван Колев"], id="a_role_set_off_after_a_name_with_an_adjective_before_it_is_his"),
    pytest.param(article("Партия „Обнова“ заяви, че ще внесе законопроекта в парламента."),
                 ["Обнова"], id="a_body_noun_opening_the_sentence_before_a_quoted_name_is_that_name"),
    pytest.param(article("Партия „Нова сила“ заяви, че ще внесе законопроекта в парламента."),
                 ["Нова сила"], id="a_quoted_name_that_only_begins_with_a_mediums_is_no_medium"),
    pytest.param(article("Това заяви генералният директор на Световната метеорологична организация (СМО) Петтери Таалас "
                         "Линдберг.", "Линдберг подчерта, че светът трябва да се подготви."),
                 ["Петтери Таалас Линдберг"], id="a_name_after_a_bracket_closing_the_complement_is_whole"),
    pytest.param(article("Иван Колев, който също е от управляващата партия, опровергава твърденията на кмета и казва на "
                         "журналистите, че те се основават на слухове."),
                 ["Иван Колев"], id="a_comma_closing_a_relative_clause_before_the_first_verb_is_no_inversion"),
    pytest.param(article("Ръстът на цените ще се забави, сочат данни на Националния статистически институт."),
                 ["Националния статистически институт"], id="data_of_a_body_named_after_them_are_the_bodys"),
    pytest.param(article("Според данните на Евростат безработицата в страната намалява."),
                 ["Евростат"], id="according_to_the_data_of_a_body_is_the_bodys"),
    pytest.param(article("Министрите ще се съберат на заседание на Съвета „Външни работи“ в понеделник. Очаква се "
                         "Съветът да приеме нови директиви. Директивите казват, че санкциите влизат в сила веднага."),
                 ["Съвет „Външни работи“"], id="a_council_named_in_marks_keeps_its_noun"),
    pytest.param(article("Строителството ще започне през май, съобщи операторът на проекта - компанията Балкан Пайп АД."),
                 ["Балкан Пайп АД"], id="a_body_named_after_a_dash_is_who_the_description_is"),
    pytest.param(article("Според него гласуването ще бъде спечелено от привържениците на реформата. Много противници на "
                         "реформата също подкрепят идеята. Те настояват, че гражданите не са били информирани."),
                 [None, "Много противници на реформата"], id="they_are_a_share_opening_the_sentence_before"),
    pytest.param(article("В същото време кметът Иван Колев, който още в сряда побърза да обяви, че е спечелил изборите, "
                         "оспорва резултатите в съда."),
                 ["Иван Колев"], id="hurrying_to_announce_is_announcing"),
    pytest.param(article("Седем общински съветници от опозицията внесоха жалба в съда. Съветниците твърдят, че "
                         "бюджетът е приет без кворум."),
                 ["Седем общински съветници от опозицията"], id="a_definite_plural_is_the_group_introduced_before"),
    pytest.param(article("Общински съветници, подкрепящи реформата, внесоха жалба в съда. Съветниците твърдят, че "
                         "бюджетът е приет без кворум."),
                 ["Общински съветници, подкрепящи реформата"], id="a_group_introduced_keeps_the_participle_that_says_which"),
    pytest.param(article("Районните кметове на града подписаха писмо до министъра. Според градските кметове "
                         "заплатите са ниски."),
                 ["градските кметове"], id="a_definite_plural_with_other_adjectives_is_another_group"),
    pytest.param(article("Лидерът на партията Иван Петров пристигна в Брюксел. Говорейки пред журналисти преди срещата си "
                         "с еврокомисаря Стефан Колев, той заяви, че ще защити интересите на страната."),
                 ["Иван Петров"], id="a_pronoun_is_not_the_object_of_a_preposition_in_its_own_sentence"),
    pytest.param(article("Тед Круз от Тексас и Рон Джонсън от Уисконсин обявиха, че ще гласуват против."),
                 ["Тед Круз и Рон Джонсън"], id="two_named_with_where_they_are_from_before_a_plural_verb"),
    pytest.param(article("Тед Круз от Тексас, Рон Джонсън от Уисконсин и други шестима сенатори и новоизбрани сенатори "
                         "обявиха, че ще подпишат петицията."),
                 ["Тед Круз, Рон Джонсън и други шестима сенатори и новоизбрани сенатори"],
                 id="a_list_of_named_people_and_others_speaks_together"),
    pytest.param(article("„Правителството трябва да промени законите“, заявиха в писмото депутатите, сред които е и "
                         "бившият лидер Иван Петров."),
                 ["депутатите"], id="a_document_before_who_is_where_not_part_of_who"),
    pytest.param(article("Броят на случаите се е увеличил с 12 690. Това сочат огласени днес данни на Института за "
                         "заразни болести „Роберт Кох“."),
                 ["Института за заразни болести „Роберт Кох“"], id="data_of_an_institute_named_in_marks_are_the_institutes"),
    pytest.param(article("Правителството не отвръща със сила. Обратното дори: министър-председателят Иван Петров се огъна "
                         "пред протестиращите и им обеща, че няма да има нови данъци."),
                 ["Иван Петров"], id="the_subject_after_a_colon_shares_its_verbs"),
    pytest.param(article("Споразумението трябва да бъде балансирано. Това заяви днес след среща с британския премиер "
                         "германската канцлерка Ангела Меркел."),
                 ["Ангела Меркел"], id="a_role_after_a_preposition_and_its_adjective_is_whom_they_met"),
    pytest.param(article("Иван Петров е на крачка от победата, но Георги Колев се готви за съдебна битка. Пред журналисти "
                         "той отново заяви, че се смята за победител."),
                 ["Георги Колев"], id="a_pronoun_means_the_subject_of_the_last_clause_after_but"),
    pytest.param(article("Според прогнозите на големите медии в САЩ Байдън има сериозна преднина."),
                 ["големите медии в САЩ"], id="media_in_a_place_end_at_the_place_not_the_clauses_subject"),
    pytest.param(article("Според оценките на анализаторите икономиката ще расте."),
                 ["анализаторите"], id="assessments_of_people_are_theirs"),
    pytest.param(article("Прави впечатление, че трите институции - общината, областта и министерството, са категорични, "
                         "че бюджетът трябва да бъде приет."),
                 ["трите институции"], id="an_impersonal_opener_is_nobody_the_clause_after_that_has_the_subject"),
])
def test_who_a_construction_names(text, expected):
    assert speakers(text) == expected


def test_a_view_a_medium_reads_into_someone_is_the_mediums():
    # "смята изданието" after "X се надява, че ...": the paper's reading; "предаде БТА": only carried
    text = article("Без съмнение кметът се надява, че хаосът ще му донесе нов мандат, смята изданието „Пари Днес“.",
                   "Министърът се надява, че проектът ще бъде завършен, предаде БТА.")
    assert [(q.speaker, q.source) for q in extract_text(text)] == [("Пари Днес", None), ("Министърът", "БТА")]


def test_a_bare_media_noun_means_an_unlisted_outlet_credited_in_latin_letters():
    text = article("Много нови случаи на грип се появиха в столицата през уикенда, съобщава Balkan Morning Post.",
                   "Освен това епидемията наподобява тази от миналата година, коментира изданието.")
    assert [q.speaker for q in extract_text(text)] == ["Balkan Morning Post", "Balkan Morning Post"]


def test_an_acronym_the_article_spells_out_is_the_name_it_stands_for():
    text = article("Световната метеорологична организация (СМО) предупреди, че лятото ще бъде горещо.",
                   "СМО заяви, че сушата ще продължи.", "АФП съобщи, че реколтата е застрашена.")
    assert [q.speaker for q in extract_text(text)] == ["Световната метеорологична организация"] * 2 + ["АФП"]


def test_what_becomes_clear_from_a_document_is_its_issuers():
    text = article("Икономиката на областта ще се свие с осем процента до 2030 година. Това става ясно от "
                   "прогнози на областната администрация, цитирани от „Дневник“.")
    assert [(q.speaker, q.source, q.text) for q in extract_text(text)] == [
        ("областната администрация", "Дневник", "Икономиката на областта ще се свие с осем процента до 2030 година.")]


def test_a_frame_of_that_kind_credits_the_sentence_before_to_its_subject():
    text = article("Общината трябва да се съсредоточи върху ремонта на училищата. Такъв съвет даде "
                   "Националният осигурителен институт, предаде „Дневник“.",
                   "Цените на имотите ще паднат с една трета. С такава прогноза излезе икономистът Иван Колев.")
    assert [(q.speaker, q.source, q.text) for q in extract_text(text)] == [
        ("Националният осигурителен институт", "Дневник", "Общината трябва да се съсредоточи върху ремонта на училищата."),
        ("Иван Колев", None, "Цените на имотите ще паднат с една трета.")]


@pytest.mark.parametrize("sentence, expected", [
    # a frame of that kind names something said, not any noun
    ("Двама души загинаха при катастрофата. Такава трагедия преживя Иван Петров.", []),
    # a body whose quoted name keeps its noun keeps it opening a sentence too
    ("Институт „Роберт Кох“ съобщи, че случаите растат.", [("Институт „Роберт Кох“", None)]),
    # "Това става ясно от" with no one named credits nothing
    ("Сградата е разрушена. Това става ясно от снимките.", []),
    # a split keeps the credit closing the sentence for both halves
    ("Министърът заяви, че цените ще растат, но добави, че заплатите също ще растат, предаде БТА.",
     [("Министърът", "БТА"), ("Министърът", "БТА")]),
    # ... and a verb of another number inside the content is the content's subject's
    ("Министърът каза, че депутатите са недоволни и смятат, че цените са високи.", [("Министърът", None)]),
    # the head of a relative clause agrees with the verb
    ("Министърът се срещна с лидерите, които пристигнаха вчера в София и заяви, че срещата е успешна.",
     [("Министърът", None)]),
    # a medium speaking for itself in the first person with no one quoted before
    ("„Стоим зад нашите журналисти“, заяви Би Би Си.", [("Би Би Си", None)]),
    # data of people is no issuer's
    ("Ръстът на цените ще се забави, сочат данни на пациентите.", [(None, None)]),
    # an acronym spelled out in an object form keeps its own name, unless the rules list its name
    ("Страната излиза от Световния търговски съвет (СТС). СТС заяви, че преговорите продължават.", [("СТС", None)]),
    ("Страната излиза от Европейския съюз (ЕС). ЕС заяви, че преговорите продължават.", [("Европейският съюз", None)]),
    # "-ши" is no adjective ending ("Наши" is a possessive)
    ("Наши източници заявиха, че сградата е разрушена.", [("източници", None)]),
])
def test_what_the_review_of_the_days_rules_found(sentence, expected):
    assert [(q.speaker, q.source) for q in extract_text(article(sentence))] == expected


def test_a_view_inside_someones_words_is_part_of_them():
    text = article("Министърът Иван Колев говори пред парламента. По думите му преговарящите са съгласни, че "
                   "преходният период трябва да е кратък.")
    assert [(q.speaker, q.text) for q in extract_text(text)] == [
        ("Иван Колев", "преговарящите са съгласни, че преходният период трябва да е кратък.")]


def test_a_medium_named_after_many_adjectives_is_that_medium():
    text = article("Общината ще поиска нов заем, съобщава днес известното финансово и бизнес интернет издание „Пари Днес“.")
    assert [q.speaker for q in extract_text(text)] == ["Пари Днес"]


def test_a_first_person_quote_credited_to_a_medium_is_the_speaker_before_it_carried():
    text = article("Кметът Иван Колев заплаши, че ще заведе дело срещу министерството.",
                   "„Всяко решение на министерството ще бъде оспорено от нас в съда“, съобщава БНР.",
                   "„Министерството ще отговори в понеделник“, съобщава БНР.")
    assert [(q.speaker, q.source) for q in extract_text(text) if q.kind == "direct"] == [
        ("Иван Колев", "БНР"), ("БНР", None)]
    text = article("Кметът Иван Колев заплаши, че ще заведе дело срещу министерството.",
                   "„По-скоро бих подал оставка, отколкото да отстъпя“, съобщава БНР.")
    assert [(q.speaker, q.source) for q in extract_text(text) if q.kind == "direct"] == [("Иван Колев", "БНР")]


def test_words_made_plain_from_someones_words_are_theirs_the_paper_carried_them():
    text = article("Общината не се отказва от проекта, става ясно от думите на номинирания за заместник "
                   "държавен секретар Иван Колев, пише „Дневник“.")
    assert [(q.speaker, q.source, q.text) for q in extract_text(text)] == [
        ("Иван Колев", "Дневник", "Общината не се отказва от проекта")]


def test_a_verb_after_a_comma_and_before_a_colon_credits_the_words_on_both_sides():
    text = article("Колкото по-бързо стане ясно решението, толкова по-добре за бизнеса, смята Иван Колев: "
                   "процесът трябва да върви стъпка по стъпка.")
    assert [(q.speaker, q.text.rstrip(".")) for q in extract_text(text)] == [
        ("Иван Колев", "Колкото по-бързо стане ясно решението, толкова по-добре за бизнеса"),
        ("Иван Колев", "процесът трябва да върви стъпка по стъпка")]


def test_a_relative_clause_on_a_document_speaks_for_its_issuer():
    text = article("Министърът поиска съвет относно последния доклад на Световната банка, в който се подчертава, "
                   "че страната ще бъде третирана като трета страна.")
    assert [(q.speaker, q.text) for q in extract_text(text)] == [
        ("Световната банка", "страната ще бъде третирана като трета страна.")]


def test_according_to_a_document_of_a_body_the_words_start_after_the_body():
    text = article("Според доклада на Световната банка, растежът ще спадне догодина.")
    assert [(q.speaker, q.text) for q in extract_text(text)] == [("Световната банка", "растежът ще спадне догодина.")]


@pytest.mark.parametrize("sentence, who", [
    ("Министрите са уверени, че цените ще паднат, каза Иван Петров.", "Иван Петров"),
    ("Източник от правителството коментира плана. Германците са притеснени, че сделката ще пропадне, допълва източникът.",
     "Източник от правителството"),
    # a medium's credit at the end only carried the words: their subject keeps them
    ("Министрите са уверени, че цените ще паднат, съобщи Ройтерс.", "Министрите"),
])
def test_a_credit_closing_the_sentence_takes_a_stance_inside_it(sentence, who):
    assert speakers(article(sentence)) == [who]


@pytest.mark.parametrize("sentence, who", [
    ("Премиерът Мария Колева посети Брюксел. Втори референдум няма да има, заяви неин говорител, цитиран от Ройтерс.",
     "говорител на Мария Колева"),
    ("Вицепрезидентът Иван Петров пристигна в столицата. Негови близки помощници уверяват, че той ще утвърди резултата.",
     "близки помощници на Иван Петров"),
    # ... but a holder the article names is that person
    ("Мария Колева иска да напусне страната. Това заяви пред вестника нейният адвокат Петър Стоев.", "Петър Стоев"),
])
def test_a_role_held_for_someone_after_a_possessive_is_theirs(sentence, who):
    assert speakers(article(sentence)) == [who]


def test_acronyms_side_by_side_are_no_one_a_pronoun_means():
    text = article("Премиерът Мария Колева говори пред парламента. Тя посочи данните на СТО. "
                   "Ако се търгува по правилата на СТО БВП ще падне с една десета, но тя добави, че икономиката ще се възстанови.")
    assert speakers(text)[-1] == "Мария Колева"


def test_a_place_after_a_plural_subject_says_which_of_them():
    assert speakers(article("Повечето страни в Източна Европа смятат, че санкциите трябва да останат.")) == [
        "Повечето страни в Източна Европа"]
    # ... a plural body noun opening the sentence too
    assert speakers(article("Профсъюзи в Ломбардия предупредиха, че ще стачкуват.")) == ["Профсъюзи в Ломбардия"]
    # ... while after a person it is where he spoke
    assert speakers(article("Иван Петров в София заяви, че санкциите трябва да останат.")) == ["Иван Петров"]


def test_a_programme_title_whose_opening_mark_was_lost_runs_to_its_closing_one():
    text = article("Парламентът ще гласува бюджета в петък. Това каза в предаването Лице в лице” Петър Колев, "
                   "председател на комисията.")
    assert [(q.speaker, q.source) for q in extract_text(text)] == [("Петър Колев", "Лице в лице")]


def test_a_comma_inside_the_closing_mark_still_ends_the_words_before_the_verb():
    # the quoted predicate is the speaker's, who follows the verb, not the clause's own subject
    text = article("Местните фермери са „пазители на земята и на традицията,“ казва Иван Димитров Колев.")
    assert [(q.kind, q.speaker) for q in extract_text(text)] == [
        ("indirect", "Иван Димитров Колев"), ("partial", "Иван Димитров Колев")]
    # and a quote whose marks earlier in the paragraph were left unpaired is a quote all the same
    text = article('Министърът говори дълго. "Бюджетът е готов. Данъците остават. '
                   '"Важно е да не плашим хората с нови такси," подчерта Иван Петров пред журналистите.')
    assert ("direct", "Иван Петров") in [(q.kind, q.speaker) for q in extract_text(text)]


def test_a_newspaper_named_in_latin_letters_is_what_its_noun_means_later():
    text = article("Вестник Northern Daily Courier пише, че преговорите са спрели. "
                   "Според изданието Пекин няма да отстъпи.")
    assert speakers(text) == ["Northern Daily Courier", "Northern Daily Courier"]
    # the nearest fitting medium, not one whose name holds another's ("Daily Telegraph": no "Телеграф")
    text = article("Вестник Northern Daily Courier пише, че преговорите са спрели. Вестник „Дейли телеграф“ "
                   "пише, че министрите спорят. Изданието добавя, че решение няма.")
    assert speakers(text)[-1] == "Дейли телеграф"


def test_a_known_surname_after_a_prepositions_object_is_the_subject():
    text = article("Страната ще защити правата на работниците. Това заяви външният министър Иван Колев, който е на "
                   "посещение в Рим. След среща с италианския "
                   "си колега Марио Бонети Колев заяви, че сделката е близо.")
    assert speakers(text) == ["Иван Колев", "Иван Колев"]
    # ... while a three-part name opening the clause is one person, another of that surname notwithstanding
    text = article("Депутатът Джулиан Смит говори първи. Бившият лидер Иън Дънкан Смит заяви, че сделката е лоша.")
    assert speakers(text)[-1] == "Иън Дънкан Смит"


def test_a_named_subject_before_a_colon_speaks_the_quote_after_it():
    text = article("Министърът Иван Петров похвали кмета. „Той работи добре“, каза Петров. "
                   "Георги Марков на свой ред връща комплиментите: „Министърът е велик човек.“")
    assert speakers(text) == ["Иван Петров", "Георги Марков"]
    # ... a surname alone, of someone named in full before, as well
    text = article("Георги Марков пристигна в Пловдив. „Градът е красив“, каза министърът Иван Петров. "
                   "Марков се подигра на този отговор: „Градът е мръсен и беден.“")
    assert speakers(text) == ["Иван Петров", "Георги Марков"]
    # ... while a document in the clause holds someone else's words
    text = article("„Градът е красив“, каза министърът Иван Петров. Георги Марков показа писмото: „Градът е мръсен.“")
    assert speakers(text)[-1] != "Георги Марков"


def test_an_adverbial_after_a_group_belongs_to_the_clause():
    assert speakers(article("Според евродепутатите в основата на реформата трябва да стои прозрачността.")) == [
        "евродепутатите"]
    # ... while a body or a place says which of them
    assert speakers(article("Според депутатите в парламента реформата трябва да продължи.")) == [
        "депутатите в парламента"]


def test_many_people_of_two_named_sides_are_all_of_them():
    # (not after "По думите му": then the view is a part of his words)
    text = article("Министърът Иван Петров говори дълго. Днес преговарящите на ЕС и Великобритания "
                   "са съгласни, че сделката е близо.")
    assert speakers(text)[-1] == "преговарящите на ЕС и Великобритания"


def test_two_adjectives_of_one_group_are_both_kept():
    assert speakers(article("Научни и медицински експерти предупреждават, че вирусът ще се върне.")) == [
        "Научни и медицински експерти"]


def test_a_light_verbs_noun_is_part_of_the_verb_before_che():
    def verbs(sentence):
        return [q.verb for q in extract_text(article(sentence))]
    assert verbs("Министърът Иван Петров изрази увереност, че бюджетът ще бъде приет.") == ["изрази увереност"]
    assert verbs("Министърът Иван Петров изрази притеснението си, че бюджетът няма да бъде приет.") == [
        "изрази притеснението си"]
    assert verbs("Министърът Иван Петров заяви увереност, че бюджетът ще бъде приет.") != ["заяви увереност"]


def test_a_medium_closing_the_sentence_credits_it_though_its_comma_was_lost():
    text = article("Министрите спорят за бюджета от седмици пише британският „Дейли експрес“.")
    assert [(q.speaker, q.verb) for q in extract_text(text)] == [("Дейли Експрес", "пише")]
    # ... but not a participle of a credit, nor a verb with anything but a listed medium after it
    assert extract_text(article("Това се твърди в доклад, съставен от служители и цитиран от „Ройтерс“.")) == []


def test_a_gerund_with_an_object_after_the_comma_reports_nothing():
    assert extract_text(article("Иван Петров подкрепи протеста, добавяйки гласа си към исканията на учителите.")) == []


def test_a_medium_citing_another_carries_what_the_other_had_first():
    text = article("Опозиционерите обвиняват министъра, че крие данни, отбелязва АП, цитирайки „Сънди таймс“.")
    assert [(q.speaker, q.source, q.via) for q in extract_text(text)] == [
        ("Опозиционерите", "Сънди таймс", ("Сънди таймс", "АП"))]


def test_a_body_with_a_possessive_clitic_is_that_persons():
    text = article("Адвокатите на кандидата Иван Марков ще оспорват резултатите, се казва в изявлението на "
                   "предизборния му щаб.")
    assert speakers(text) == ["предизборния щаб на Иван Марков"]
    # ... and an adjective that is a participle opens a group's phrase
    assert speakers(article("Висшестоящи представители на партията смятат, че сделката е лоша.")) == [
        "Висшестоящи представители на партията"]


def test_a_term_the_paper_quotes_is_no_partial_quote():
    text = article("Иван Петров заяви, че партията му подкрепя „твърд“ Брекзит и няма да отстъпи.")
    assert [q.kind for q in extract_text(text)] == ["indirect"]
    # ... while the speaker's own word in marks is his
    text = article("Иван Петров заяви, че сделката е „катастрофална“ за страната.")
    assert [q.kind for q in extract_text(text)] == ["indirect", "partial"]


def test_a_role_and_a_group_before_a_plural_verb_are_both_who_speaks():
    assert speakers(article("Съпругът и четирите ѝ дъщери споделят, че животът им е труден.")) == [
        "Съпругът и четирите ѝ дъщери"]
    assert speakers(article("Президентът и премиерът смятат, че законът е добър.")) == ["Президентът и премиерът"]


def test_a_representation_is_the_body_and_ends_at_its_place():
    text = article("Бюджетът ще бъде увеличен. Това съобщиха от Представителството на ЕК в България Иван Петров "
                   "ще дойде утре.")
    assert speakers(text)[0] == "Представителството на ЕК в България"


def test_a_title_or_topic_in_quote_marks_is_no_partial_quote():
    text = article("Бюджетът е готов. Това каза министърът Иван Петров по време на дискусия на тема "
                   "„Бюджетът и какво ще се промени“.")
    assert [q.kind for q in extract_text(text)] == ["indirect"]
    text = article("В раздел, посветен на „расовия въпрос“, Иван Петров заяви, че е направил много.")
    assert [q.kind for q in extract_text(text)] == ["indirect"]


def test_elected_to_an_office_reads_on_to_the_office_and_the_name():
    text = article("Опитите са злоупотреба с власт. Това заяви вчера избраната за вицепрезидент Мария Колева, "
                   "цитирана от ДПА.")
    assert [(q.speaker, q.source) for q in extract_text(text)] == [("Мария Колева", "ДПА")]


def test_an_editors_note_ends_the_statement_and_is_no_ones():
    text = article("Министърът Иван Петров обясни, че „ще има контрол и той ще е жесток“ (бел.ред.: става дума "
                   "за маските).")
    assert [(q.kind, q.speaker) for q in extract_text(text)] == [("indirect", "Иван Петров"), ("partial", "Иван Петров")]
    assert "маските" not in " ".join(q.text for q in extract_text(text))


@pytest.mark.parametrize("text, expected", [
    # a preposition before a partitive is no size of the share
    (article("Сред някои от депутатите, които са в залата, заявиха, че законът е лош."), ["депутатите"]),
    # "като" of a clause is no list of examples
    (article("Стачката обхвана всички големи банки, като президентът Иван Петров заяви, че ще помогне."), ["Иван Петров"]),
    # a Bulgarian three-part name keeps its surname, whoever else bears it
    (article("Иван Петров е министър. В събота Георги Иванов Петров заяви, че сделката е близо."),
     ["Георги Иванов Петров"]),
    # "Оттам" reads no headline
    ("Бюджетът влиза в парламента\n\nИван Петров е министър.\n\nОттам обаче обявиха, че мерките остават.", [None]),
])
def test_todays_rules_keep_to_their_constructions(text, expected):
    assert speakers(text) == expected


def test_an_adverb_or_a_pronoun_after_a_light_verb_is_no_part_of_it():
    assert [q.verb for q in extract_text(article("Иван Петров изрази отново, че е против."))] == ["изрази"]


def test_a_clocks_colon_opens_no_quoted_speech():
    text = article("Министърът Иван Петров обяви, че от 22:00 часа магазините ще бъдат затворени.")
    assert [q.text for q in extract_text(text)] == ["от 22:00 часа магазините ще бъдат затворени."]


def test_many_outlets_bear_no_name_after_them():
    text = article("Според британски медии Мария Колева може да подаде оставка.")
    assert [(q.speaker, q.text) for q in extract_text(text)] == [("британски медии", "Мария Колева може да подаде оставка.")]


def test_a_role_set_off_before_a_named_holder_is_his_too():
    text = article("Министърът Петър Колев и неговия син, министър на финансите Иван Колев, подкрепят президента. "
                   "По-старият Колев подаде оставка. Синът му изрази съмнение, че изборите са честни.")
    assert speakers(text)[-1] == "Иван Колев"


def test_members_of_a_party_named_by_its_leaning_are_that_party():
    text = article("Планът не съвпада с намеренията на Европейската народна партия, най-голямата в парламента. "
                   "Според консерваторите местата трябва да бъдат запазени.")
    assert speakers(text) == ["Европейската народна партия"]
    # ... while no party named just before leaves them as written
    assert speakers(article("Според консерваторите данъците трябва да паднат.")) == ["консерваторите"]


def test_a_holder_after_a_medium_credit_speaks_and_the_medium_is_the_source():
    # "Според <medium> <holder> смятали, че ...": the holder's view, the medium carried it
    text = article("Според агенция „Блумбърг“ в общинската управа смятали, че ремонтът ще приключи до есента.",
                   "Според вестник „Труд“ кметът Иван Петров смята, че бюджетът е добър.")
    assert [(q.speaker, q.verb, q.source) for q in extract_text(text)] == [
        ("общинската управа", "смятали", "Блумбърг"), ("Иван Петров", "смята", "Труд")]


def test_a_demonstrative_after_an_according_to_phrase_is_the_clauses_subject():
    # "това" opens the clause: it keeps the complement "от кабинета" on the speaker's side
    text = article("Според източник от кабинета това не означава, че данъците ще бъдат вдигнати.")
    assert [(q.speaker, q.text) for q in extract_text(text)] == [
        ("източник от кабинета", "това не означава, че данъците ще бъдат вдигнати.")]


def test_the_editorial_office_is_the_medium_named_before():
    # "..., подчертават от редакцията": the paper's own voice, not a place named in its words
    text = article("Британският вестник „Индипендънт“ публикува анализ на реформата.",
                   "Министърът ще изнесе реч в Мюнхен, в която ще потвърди „безусловната“ подкрепа за съюзниците, "
                   "подчертават от редакцията.")
    assert {q.speaker for q in extract_text(text)} == {"Индипендънт"}


def test_according_to_them_inside_a_relative_clause_is_the_opening_groups_view():
    # "X подкрепят ..., което според тях ...": they are the sentence's subject, and their view is
    # the relative clause, not the narrator's main clause
    text = article("Другата група настоява за реформа.",
                   "Синдикатите подкрепят новия закон, което според тях ще помогне на бизнеса.",
                   "Атаката на министъра, която според анализаторите е била планирана, заработи в негова полза.")
    assert [(q.speaker, q.text) for q in extract_text(text)] == [
        ("Синдикатите", "ще помогне на бизнеса."), ("анализаторите", "е била планирана")]


def test_according_to_inside_an_embedded_question_credits_no_claim():
    text = article("Останалите 40 депутати не отговарят на въпроса кой, според тях, е спечелил изборите.",
                   "Според кмета Иван Петров бюджетът е добър.")
    assert [(q.speaker, q.text) for q in extract_text(text)] == [("Иван Петров", "бюджетът е добър.")]


def test_a_document_a_body_came_out_with_is_the_bodys():
    # "от фонда излязоха с изявление": the fund issued it; "В документа се посочва" is the fund's too
    text = article("Делегация на „Фонда Свобода“ посети затвора в понеделник.",
                   "След посещението от фонда излязоха с изявление, в което обясняват, че затворникът е болен. "
                   "В документа се посочва още, че условията са лоши.")
    assert [q.speaker for q in extract_text(text)] == ["Фонда Свобода", "Фонда Свобода"]


def test_an_acronym_is_named_in_full_where_the_article_writes_the_name_out():
    # no brackets: the written-out name elsewhere in the article; a listed acronym by its listed
    # name only ("ЕС" is not "Европейския съд"), an unlisted one of two letters not at all
    text = article("Проектодокументът на Европейския парламент беше публикуван вчера.",
                   "Текстът на ЕП гласи, че договорът трябва да бъде преразгледан.",
                   "Решението на Европейския съд беше отложено. ЕС заяви, че ще изчака.",
                   "Народното събрание прие закона. НС обяви, че срокът е удължен.")
    assert [q.speaker for q in extract_text(text)] == ["Европейският парламент", "ЕС", "НС"]


def test_a_definite_plural_role_means_the_holders_listed_by_name():
    text = article("Ръстът на заплатите ще продължи. Това се посочва в писмо от ръководителите на три ведомства: "
                   "министърът на финансите Иван Петров, "
                   "министърът на икономиката Мария Колева и министърът на труда Георги Иванов.",
                   "„Целта ни е да запазим работните места“, пишат министрите.",
                   "Министрите са уверени, че заплатите ще растат.")
    assert [q.speaker for q in extract_text(text)][-2:] == ["Иван Петров, Мария Колева и Георги Иванов"] * 2


def test_a_fragment_in_a_sentence_an_unlisted_outlet_credits_is_the_named_subjects():
    # as gold does with "..., предаде БГНЕС": the sentence is the outlet's, the fragment its subject's
    text = article("Външният министър Иван Петров призова съюзниците да бъдат „обединени в своя подход“ към кризата, "
                   "пише Balkan Morning Post.")
    assert [(q.kind, q.speaker, q.verb, q.source) for q in extract_text(text)] == [
        ("indirect", "Balkan Morning Post", "пише", None), ("partial", "Иван Петров", "призова", "Balkan Morning Post")]


def test_a_term_after_so_called_is_no_ones_words():
    text = article("Министърът Иван Петров заяви, че т.нар. „зелена сделка“ ще бъде приета.",
                   "Кметът посети Пловдив, наричан „града на тепетата“, съобщи БТА.",
                   "Министърът Иван Петров каза, че т.н. „умни договори“ ще бъдат въведени.",
                   "Премиерът обяви така наречения „зелен сертификат“ за задължителен, каза Петров.",
                   "Кметът обеща „нов старт“ за квартала, каза Петров.")
    assert [(q.kind, q.text) for q in extract_text(text) if q.kind == "partial"] == [("partial", "нов старт")]


def test_a_list_of_media_credits_all_of_them():
    text = article("Кандидатът на опозицията печели изборите, съобщиха CNN, NBC, Асошиейтед прес и редица други медии.",
                   "Си Ен Ен, Ройтерс и Ен Би Си обявиха, че гласуването е приключило.")
    assert [q.speaker for q in extract_text(text)] == ["Си Ен Ен, Ен Би Си, АП и редица други медии",
                                                       "Си Ен Ен, Ройтерс и Ен Би Си"]



@pytest.mark.parametrize("text, expected", [
    # a medium's own claim stays its own when another clause, after a comma, has a holder of its own
    (article("Според Ройтерс икономиката на Германия ще се свие, а канцлерът смята, че растежът ще се върне догодина."),
     [("Ройтерс", "икономиката на Германия ще се свие"), ("канцлерът", "растежът ще се върне догодина.")]),
    # a relative clause's view runs over a list, commas and all
    (article("Правителството одобри промени в закона, които според експертите ще засегнат пенсионерите, "
             "студентите и безработните."),
     [("експертите", "ще засегнат пенсионерите, студентите и безработните.")]),
    # an acronym is never spelled out by words that include a verb or a function word
    (article("Днес президентът съобщи датата на изборите.", "„Ще участваме самостоятелно“, заявиха от ДПС."),
     [("ДПС", "Ще участваме самостоятелно")]),
    # a plural pronoun after a nearer plural object, outside a relative clause, is not the sentence's opening group
    (article("Депутатите изслушаха тримата експерти от университета, като според тях законът е противоконституционен."),
     [("експерти от университета", "законът е противоконституционен.")]),
    # "Ето защо" is "therefore", no question
    (article("Ето защо според експертите инфлацията ще продължи да се ускорява."),
     [("експертите", "Ето защо според експертите инфлацията ще продължи да се ускорява.")]),
    # a place opening a paragraph is what was said when the next sentence points back at it
    (article("Украйна. Така отговори президентът Иван Петров на въпроса коя е най-голямата заплаха."),
     [("Иван Петров", "Украйна.")]),
    # a quoted name after "г." goes on with its sentence
    (article("През 2016 г. „Газпром“ увеличи доставките с 20 процента, заяви изпълнителният директор Иван Петров."),
     [("Иван Петров", "През 2016 г. „Газпром“ увеличи доставките с 20 процента")]),
    # a preposition opening the sentence governs the name after it: "той" is someone else
    (article("Министърът Иван Иванов пристигна в Брюксел. С Петър Колев той обсъди пенсиите и заяви, че те ще растат."),
     [("Иван Иванов", "те ще растат.")]),
    # a site's date stamp before a name is skipped alone, the name kept
    (article("27.01.2018 Иван Петров заяви, че пенсиите ще растат."), [("Иван Петров", "пенсиите ще растат.")]),
])
def test_what_the_review_of_the_third_session_found(text, expected):
    assert [(q.speaker, q.text) for q in extract_text(text)] == expected


def test_a_role_noun_that_only_begins_like_the_listed_role_is_not_them():
    # "министерството" is no form of "министър": the listed people are not "Министрите"
    text = article("Служители на министерството на финансите Иван Петров, Мария Георгиева и Петър Колев обявиха, "
                   "че дефицитът ще расте.", "Министрите обаче заявиха, че бюджетът е балансиран.")
    assert [q.speaker for q in extract_text(text)][-1] == "Министрите"


def test_a_bare_body_noun_is_the_body_its_acronym_names_in_brackets():
    # the name opens a paragraph, so no earlier noun names it; the brackets after it do
    text = article("Помощта ще бъде изплатена до юни.",
                   "Европейската комисия (ЕК) одобри схемата за помощ. Схемата отговаря на правилата.",
                   "Според Комисията мярката е необходима.")
    assert [q.speaker for q in extract_text(text)] == ["Европейската комисия"]
