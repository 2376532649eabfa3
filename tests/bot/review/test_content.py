"""What the pages show: escaped hostile text, redacted personal data, charts, exports."""

from __future__ import annotations

import io
import zipfile

from rasa.shared.nlu.training_data.loading import load_data

from tests.bot.review.conftest import csrf_of, login


async def test_html_and_script_in_a_complaint_are_shown_escaped(review_client):
    await login(review_client, "admin")
    page = await (await review_client.get("/complaints")).text()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page


async def test_personal_data_is_not_shown(review_client):
    await login(review_client, "admin")
    page = await (await review_client.get("/feedback")).text()
    assert "234 5678" not in page and "[phone]" in page


async def test_sql_metacharacters_in_filters_do_nothing_harmful(review_client):
    await login(review_client, "admin")
    for query in (
        "language=th'%20OR%201=1--",
        "channel=rest';DROP%20TABLE%20feedback;--",
        "start=2026-13-45",
        "service=x%25",
    ):
        assert (await review_client.get(f"/?{query}")).status == 200
    page = await (await review_client.get("/feedback")).text()
    assert "slow" in page  # the table is still there


async def test_the_overview_shows_the_figures_and_charts(review_client):
    await login(review_client, "admin")
    page = await (await review_client.get("/?language=th")).text()
    assert "<b>3</b>" in page  # messages in Thai
    assert page.count('<svg class="chart" role="img"') >= 3


async def test_selected_gaps_export_as_nlu_training_data_per_language(review_client, tmp_path):
    await login(review_client, "admin")
    token = csrf_of(await (await review_client.get("/gaps")).text())
    response = await review_client.post("/gaps/export", data={"csrf_token": token, "record": ["1", "2,3"]})
    archive = zipfile.ZipFile(io.BytesIO(await response.read()))
    assert sorted(archive.namelist()) == ["en.yml", "th.yml", "ur.yml"]
    path = tmp_path / "th.yml"
    path.write_bytes(archive.read("th.yml"))
    assert [m.get("text") for m in load_data(str(path)).intent_examples] == ["ค่าปรับ"]


async def test_csv_exports_neutralize_spreadsheet_formulas(review_client):
    await login(review_client, "admin")
    csv_text = await (await review_client.get("/export/complaints.csv")).text()
    assert csv_text.splitlines()[0].startswith("id,created_at,service_id")
    assert "rude staff" in csv_text
