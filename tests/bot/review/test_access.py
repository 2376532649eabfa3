"""Who may see what: logins, agency scoping by page, filter and export URL, CSRF."""

from __future__ import annotations

import pytest

from tests.bot.review.conftest import csrf_of, login

PAGES = ["/", "/gaps", "/feedback", "/complaints", "/handoffs", "/conversations/c1"]
EXPORTS = ["feedback", "complaints", "gaps", "languages", "services", "days", "handoffs"]


@pytest.mark.parametrize("path", PAGES + [f"/export/{name}.csv" for name in EXPORTS])
async def test_every_page_and_export_refuses_a_visitor_who_is_not_logged_in(review_client, path):
    response = await review_client.get(path, allow_redirects=False)
    assert response.status in (302, 401)
    if response.status == 302:
        assert response.headers["Location"] == "/login"


async def test_a_wrong_password_does_not_log_in(review_client):
    response = await login(review_client, "admin", "not the password at all")
    assert response.status == 401
    assert (await review_client.get("/", allow_redirects=False)).status == 302


async def test_an_administrator_sees_every_agency(review_client):
    assert (await login(review_client, "admin")).status == 302
    feedback = await (await review_client.get("/feedback")).text()
    assert "slow" in feedback and "ดีมาก" in feedback


async def test_an_officer_never_sees_another_agencys_data(review_client):
    await login(review_client, "immigration")
    feedback = await (await review_client.get("/feedback")).text()
    assert "slow" in feedback and "ดีมาก" not in feedback
    filtered = await (await review_client.get("/feedback?service=driving_license")).text()
    assert "ดีมาก" not in filtered
    export = await (await review_client.get("/export/feedback.csv?service=driving_license")).text()
    assert "ดีมาก" not in export
    gaps = await (await review_client.get("/export/gaps.csv")).text()
    assert "ค่าปรับ" not in gaps and "weather" not in gaps and "how much for the thing" in gaps
    assert (await review_client.get("/conversations/c2")).status == 404
    assert (await review_client.get("/conversations/c1")).status == 200


async def test_an_officer_cannot_close_another_agencys_handoff(review_client):
    await login(review_client, "transport")
    token = csrf_of(await (await review_client.get("/handoffs")).text())
    response = await review_client.post("/handoffs/1/handled", data={"csrf_token": token}, allow_redirects=False)
    assert response.status == 404


async def test_a_post_without_the_csrf_token_is_refused(review_client):
    await login(review_client, "admin")
    assert (await review_client.post("/handoffs/1/handled", data={}, allow_redirects=False)).status == 403
    assert (await review_client.post("/handoffs/1/handled", data={"csrf_token": "guess"})).status == 403
    assert (await review_client.post("/logout", data={}, allow_redirects=False)).status == 403


async def test_login_itself_needs_its_csrf_token(review_client):
    response = await review_client.post(
        "/login", data={"username": "admin", "password": "correct horse battery staple"}, allow_redirects=False
    )
    assert response.status == 403


async def test_an_officer_marks_a_request_handled_and_logs_out(review_client):
    await login(review_client, "immigration")
    page = await (await review_client.get("/handoffs")).text()
    assert "Request 1" in page
    response = await review_client.post(
        "/handoffs/1/handled", data={"csrf_token": csrf_of(page)}, allow_redirects=False
    )
    assert response.status == 302
    assert "No open requests" in await (await review_client.get("/handoffs")).text()
    token = csrf_of(await (await review_client.get("/")).text())
    await review_client.post("/logout", data={"csrf_token": token}, allow_redirects=False)
    assert (await review_client.get("/", allow_redirects=False)).status == 302
