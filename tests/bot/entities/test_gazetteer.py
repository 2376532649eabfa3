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
