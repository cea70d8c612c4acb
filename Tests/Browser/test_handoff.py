"""Talking to a person: the widget asks for a handoff and shows the assistant's words for it; the
page hears of it through an event, and only a page that connects a desk (`desk`) has the widget
say that a person takes over."""

from playwright.sync_api import expect

from widget import MENU_QUESTION_EN, Widget

HANDOFF_NOTICE_EN = "A person will take over the conversation from here."


def listen_for_handoffs(page):
    page.evaluate("""() => {
        window.handoffs = [];
        document.addEventListener('second-opinion-handoff', (event) => window.handoffs.push(event.detail));
    }""")


def test_talk_to_a_person_shows_the_turns_words_and_that_a_person_takes_over(server, page):
    widget = Widget(page).goto(server).open()
    widget.expect_question(MENU_QUESTION_EN)
    listen_for_handoffs(page)
    page.evaluate("() => document.querySelector('second-opinion-chat').setAttribute('desk', '')")
    with page.expect_response(lambda response: response.url.endswith("/turns")) as answered:
        widget.human.click()
    assert answered.value.request.post_data_json == {"command": "human"}
    turn = answered.value.json()["turn"]
    assert turn["handoff"] == {"reason": "requested"}
    assert turn["messages"], "a handoff turn carries the bundle's words"
    expect(widget.log.locator(".notice").last).to_have_text(HANDOFF_NOTICE_EN)
    messages = widget.messages()
    assert "You: Talk to a person" in messages
    for message in turn["messages"]:
        assert f"Assistant: {message}" in messages
    expect(widget.input).to_be_focused()
    session = page.evaluate("() => JSON.parse(Object.values(sessionStorage)[0]).id")
    assert page.evaluate("() => window.handoffs") == [{"sessionId": session, "reason": "requested"}]


def test_asking_for_a_person_in_words_hands_off_too(server, page):
    widget = Widget(page).goto(server).open()
    widget.expect_question(MENU_QUESTION_EN)
    listen_for_handoffs(page)
    widget.type("can I talk to a person")
    page.wait_for_function("() => window.handoffs.length == 1")
    assert page.evaluate("() => window.handoffs.map((handoff) => handoff.reason)") == ["requested"]
    # The demo page connects no desk, so the widget promises no person; the bundle's words say
    # where one can be reached.
    expect(widget.log.get_by_text(HANDOFF_NOTICE_EN)).to_have_count(0)
