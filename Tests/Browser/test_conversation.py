"""Whole conversations through the widget: by clicking, by typing and by keyboard alone."""

from urllib.parse import urlparse

from playwright.sync_api import expect

from widget import (COSTS_QUESTION_EN, GREETING_EN, INSURANCE_QUESTION_EN, MENU_QUESTION_EN, MORE_QUESTION_EN,
                    PLAN_STEP_EN, REFERRAL_QUESTION_EN, Widget)


def test_nothing_is_asked_of_the_api_before_the_person_opens_the_widget(server, page):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    widget = Widget(page).goto(server)
    page.wait_for_load_state("networkidle")
    expect(widget.launcher).to_have_attribute("aria-expanded", "false")
    expect(widget.panel).to_be_hidden()
    origin = urlparse(server.url).netloc
    assert all(urlparse(url).netloc == origin for url in requests), f"a request left the server: {requests}"
    assert [url for url in requests if "/v1/" in url] == []

    widget.open()
    expect(widget.launcher).to_have_attribute("aria-expanded", "true")
    expect(widget.log).to_contain_text(GREETING_EN)
    assert [url for url in requests if "/v1/" in url] == [f"{server.url}/v1/sessions"]


def test_a_whole_conversation_by_clicking(server, page):
    widget = Widget(page).goto(server).open()
    expect(widget.input).to_be_focused()
    widget.expect_question(MENU_QUESTION_EN)

    widget.choose(MENU_QUESTION_EN, "Costs and reimbursement")
    widget.expect_question(COSTS_QUESTION_EN)
    expect(widget.input).to_be_focused()
    widget.choose(COSTS_QUESTION_EN, "Will it be reimbursed?")
    widget.expect_question(INSURANCE_QUESTION_EN)
    widget.choose(INSURANCE_QUESTION_EN, "Basic plus supplementary insurance")
    widget.expect_question(REFERRAL_QUESTION_EN)
    # The dialogs' own yes/no questions have no choices; the widget offers Yes and No as buttons.
    widget.choose(REFERRAL_QUESTION_EN, "No")
    widget.expect_question(MORE_QUESTION_EN)
    expect(widget.input).to_be_focused()

    messages = widget.messages()
    assert messages[:3] == [f"Assistant: {GREETING_EN}",
                            "Assistant: Please note: I give general information, not medical or legal advice. "
                            "Talk to your doctor about your own health.",
                            f"Assistant: {MENU_QUESTION_EN}"]
    assert "You: Costs and reimbursement" in messages
    assert "You: No" in messages
    assert ("Assistant: Without a referral, basic insurance usually does not pay. With supplementary insurance, "
            "there is a good chance you still get (part of) it paid. Ask your insurer for the exact conditions.") in messages
    # Sources without an address are plain text, never a link.
    sources = page.locator(".sources").last
    expect(sources).to_contain_text("Sources:")
    expect(sources).to_contain_text("Second opinion, patient leaflet NHZ-038 in Dutch (ask the hospital for it)")
    expect(sources.get_by_role("link")).to_have_count(0)

    # The plan is a checklist of real checkboxes.
    plan = page.locator("details.plan")
    expect(plan.locator("summary")).to_have_text("Your plan (1)")
    plan.locator("summary").click()
    step = page.get_by_role("checkbox", name=PLAN_STEP_EN)
    expect(step).not_to_be_checked()
    step.check()
    expect(step).to_be_checked()

    # Every bubble says its language.
    assert set(page.locator("#log [lang]").evaluate_all("nodes => nodes.map(node => node.lang)")) == {"en"}


def test_a_conversation_by_typing(server, page):
    widget = Widget(page).goto(server).open()
    widget.expect_question(MENU_QUESTION_EN)
    widget.type("who pays for it?")
    widget.expect_question(INSURANCE_QUESTION_EN)
    expect(widget.input).to_have_value("")
    expect(widget.input).to_be_focused()
    assert "You: who pays for it?" in widget.messages()

    # An emergency is answered at once, with 112 as a link that opens in a new tab.
    widget.type("my father has chest pain")
    link = page.get_by_role("link", name="112, the Dutch emergency number")
    expect(link).to_have_attribute("href", "https://www.112.nl/")
    expect(link).to_have_attribute("target", "_blank")
    expect(link).to_have_attribute("rel", "noopener noreferrer")
    expect(widget.log).to_contain_text("112")
    expect(widget.input).to_be_focused()


def test_a_conversation_by_keyboard_alone(server, page):
    widget = Widget(page).goto(server)
    for _ in range(10):
        if widget.focused_text() == "Questions about a second opinion?":
            break
        page.keyboard.press("Tab")
    expect(widget.launcher).to_be_focused()
    page.keyboard.press("Enter")
    expect(widget.panel).to_be_visible()
    expect(widget.input).to_be_focused()
    widget.expect_question(MENU_QUESTION_EN)

    page.keyboard.type("costs")
    page.keyboard.press("Enter")
    widget.expect_question(COSTS_QUESTION_EN)
    expect(widget.input).to_be_focused()

    # The answers sit just before the text box: Shift+Tab reaches them, Space picks one.
    for _ in range(6):
        page.keyboard.press("Shift+Tab")
        if widget.focused_text() == "Will it be reimbursed?":
            break
    page.keyboard.press("Space")
    widget.expect_question(INSURANCE_QUESTION_EN)
    expect(widget.input).to_be_focused()

    # Escape closes and gives focus back to the launcher; opening again keeps the conversation.
    page.keyboard.press("Escape")
    expect(widget.panel).to_be_hidden()
    expect(widget.launcher).to_be_focused()
    expect(widget.launcher).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(widget.input).to_be_focused()
    widget.expect_question(INSURANCE_QUESTION_EN)
    assert widget.messages().count(f"Assistant: {GREETING_EN}") == 1
