"""Property-based: random input to the review app's forms and filters never makes a 5xx."""

from __future__ import annotations

from urllib.parse import urlencode

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.bot.review.conftest import csrf_of, login

FEW = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ANY = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)


@FEW
@given(username=ANY, password=ANY)
async def test_the_login_form_refuses_any_wrong_credentials_cleanly(review_client, username, password):
    page = await (await review_client.get("/login")).text()
    response = await review_client.post(
        "/login", data={"username": username, "password": password, "csrf_token": csrf_of(page)}, allow_redirects=False
    )
    assert response.status == 401


@FEW
@given(query=st.dictionaries(st.sampled_from(["start", "end", "language", "channel", "service", "x"]), ANY, max_size=5))
async def test_any_filter_values_give_a_page(review_client, query):
    if not review_client.session.cookie_jar.filter_cookies(review_client.make_url("/")).get("review_session"):
        await login(review_client, "immigration")
    for path in ("/", "/gaps", "/feedback", "/export/feedback.csv"):
        assert (await review_client.get(f"{path}?{urlencode(query)}")).status == 200


@FEW
@given(records=st.lists(ANY, max_size=5), token=ANY)
async def test_random_form_posts_are_refused_or_handled(review_client, records, token):
    if not review_client.session.cookie_jar.filter_cookies(review_client.make_url("/")).get("review_session"):
        await login(review_client, "admin")
    response = await review_client.post("/gaps/export", data={"csrf_token": token, "record": records})
    assert response.status in (200, 403)
