"""What the person is told when the server is gone, refuses, or forgot the session; and that server
text never becomes markup."""

import json

import pytest
from playwright.sync_api import expect

from widget import COSTS_QUESTION_EN, GREETING_EN, INSURANCE_QUESTION_EN, MENU_QUESTION_EN, Widget

UNREACHABLE_EN = "The assistant cannot be reached right now. Check your internet connection and try again shortly."


def test_an_unreachable_server_and_then_a_forgotten_session_are_explained(own_server, page):
    widget = Widget(page).goto(own_server).open()
    widget.expect_question(MENU_QUESTION_EN)

    own_server.stop()
    widget.type("who pays for it?")
    expect(widget.alert).to_have_text(UNREACHABLE_EN)
    expect(widget.alert).to_have_attribute("lang", "en")
    # Nothing is lost: the text waits in the box, and focus is back there.
    expect(widget.input).to_have_value("who pays for it?")
    expect(widget.input).to_be_focused()

    # The same address again, but a memory store starts empty: the session is gone (404).
    own_server.start()
    widget.input.press("Enter")
    expect(widget.log).to_contain_text("Your earlier conversation has expired. We have started a new one.")
    expect(widget.alert).to_have_text("")
    assert widget.messages().count(f"Assistant: {GREETING_EN}") == 2
    expect(widget.input).to_have_value("who pays for it?")
    widget.input.press("Enter")
    widget.expect_question(INSURANCE_QUESTION_EN)


@pytest.mark.server_flags("--rate-limit-session", "0.05/s:2")
def test_a_rate_limited_turn_says_how_long_to_wait(own_server, page):
    widget = Widget(page).goto(own_server).open()
    widget.choose(MENU_QUESTION_EN, "Costs and reimbursement")
    widget.choose(COSTS_QUESTION_EN, "Will it be reimbursed?")
    widget.expect_question(INSURANCE_QUESTION_EN)
    with page.expect_response(lambda response: response.status == 429) as limited:
        widget.type("basic")
    seconds = int(limited.value.headers["retry-after"])
    assert seconds > 1
    expect(widget.alert).to_have_text(f"You are sending many messages in a short time. Wait {seconds} seconds and try again.")
    expect(widget.input).to_have_value("basic")
    expect(widget.input).to_be_focused()
    widget.expect_question(INSURANCE_QUESTION_EN)


def test_server_text_is_shown_as_text_and_only_web_addresses_become_links(server, page):
    # The real dialogs contain no markup, so this one answer is made up: it tries every way in.
    turn = {
        "flow": "f", "node": "n", "expects": "choice", "ended": False, "outcome": "started", "events": [],
        "messages": ['<img src=x onerror="window.injected = 1"> <b>bold</b>'],
        "question": "<i>Pick one</i>",
        "choices": [{"number": 1, "id": "a", "label": "<script>window.injected = 2</script>"}],
        "sources": [
            {"id": "s1", "title": "Script address", "publisher": "P", "url": "javascript:window.injected = 3", "checked": "2026-01-01"},
            {"id": "s2", "title": "Web address", "publisher": "P", "url": "https://example.org/page", "checked": "2026-01-01"},
        ],
        "plan": [{"id": "p", "text": "<u>step</u>", "sources": []}],
    }
    body = json.dumps({"sessionId": "0" * 32, "token": "t", "revision": 1, "turn": turn})
    page.route(f"{server.url}/v1/sessions", lambda route: route.fulfill(status=201, content_type="application/json", body=body))
    widget = Widget(page).goto(server).open()

    expect(page.locator(".message").first).to_have_text('Assistant: <img src=x onerror="window.injected = 1"> <b>bold</b>')
    expect(widget.choices("<i>Pick one</i>").get_by_role("button")).to_have_text("<script>window.injected = 2</script>")
    expect(page.locator(".sources li").first).to_have_text("Script address (P)")
    links = widget.log.get_by_role("link")
    expect(links).to_have_count(1)
    expect(links).to_have_attribute("href", "https://example.org/page")
    page.locator("details.plan summary").click()
    expect(page.get_by_role("checkbox", name="<u>step</u>")).to_be_visible()
    assert page.locator("second-opinion-chat img, second-opinion-chat b, second-opinion-chat i, "
                        "second-opinion-chat u, second-opinion-chat script").count() == 0
    assert page.evaluate("() => window.injected") is None
