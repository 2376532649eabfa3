from bot.entities import Gazetteer


def test_longest_name_wins_and_case_spacing_and_apostrophes_do_not_matter():
    gazetteer = Gazetteer(
        {
            "licence": "driving_license",
            "driving licence": "driving_license",
            "driver's license": "driving_license",
            "id card": "national_id",
        }
    )
    found = gazetteer.find("How much is a DRIVING-licence, a drivers license or an ID  card?")
    assert [(m.text, m.value) for m in found] == [
        ("DRIVING-licence", "driving_license"),
        ("drivers license", "driving_license"),
        ("ID  card", "national_id"),
    ]


def test_names_do_not_match_inside_other_words_in_spaced_scripts():
    assert Gazetteer({"ic": "national_id"}).find("a public clinic") == []


def test_names_match_inside_text_of_scripts_written_without_spaces():
    found = Gazetteer({"护照": "passport", "หนังสือเดินทาง": "passport"}).find("我要办护照。ขอทำหนังสือเดินทางครับ")
    assert [m.value for m in found] == ["passport", "passport"]


def test_empty_gazetteer_finds_nothing():
    assert Gazetteer({}).find("passport") == []


def test_a_name_ending_in_a_short_word_must_end_there():
    # Indonesian "SIM C" (a motorcycle licence) is not the start of a "sim card".
    gazetteer = Gazetteer({"sim c": "driving_license", "pass port": "passport"})
    assert gazetteer.find("my sim card is blocked") == []
    assert [m.text for m in gazetteer.find("bikin SIM C di mana")] == ["SIM C"]
    assert [m.text for m in gazetteer.find("pasaport pass portumu")] == ["pass port"]
