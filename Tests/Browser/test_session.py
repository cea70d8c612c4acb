"""The conversation across page reloads, languages and going back."""

from playwright.sync_api import expect

from widget import COSTS_QUESTION_EN, INSURANCE_QUESTION_EN, MENU_QUESTION_EN, PLAN_STEP_EN, REFERRAL_QUESTION_EN, Widget


def test_a_reload_resumes_the_conversation_where_it_was(server, page):
    widget = Widget(page).goto(server).open()
    widget.choose(MENU_QUESTION_EN, "Costs and reimbursement")
    widget.choose(COSTS_QUESTION_EN, "Will it be reimbursed?")
    widget.choose(INSURANCE_QUESTION_EN, "Basic plus supplementary insurance")
    widget.choose(REFERRAL_QUESTION_EN, "No")
    page.locator("details.plan summary").click()
    page.get_by_role("checkbox", name=PLAN_STEP_EN).check()
    remembered = page.evaluate("() => JSON.parse(Object.values(sessionStorage)[0])")
    assert len(remembered["id"]) == 32 and remembered["token"]
    assert remembered["language"] == "en" and remembered["open"] is True

    requests = []
    page.on("request", lambda request: requests.append((request.method, request.url)))
    page.reload()
    # The panel was open, so it opens again and reads the latest turn: no new session.
    expect(widget.panel).to_be_visible()
    expect(widget.log).to_contain_text("You are carrying on where you left off.")
    widget.expect_question("Would you like to know more about the costs?")
    api = [(method, url.removeprefix(server.url)) for method, url in requests if "/v1/" in url]
    # One request: the turn says the conversation's language itself.
    assert api == [("GET", f"/v1/sessions/{remembered['id']}")]
    # The ticked plan step stays ticked.
    page.locator("details.plan summary").click()
    expect(page.get_by_role("checkbox", name=PLAN_STEP_EN)).to_be_checked()

    widget.choose("Would you like to know more about the costs?", "No, go on")
    expect(widget.alert).to_have_text("")


def test_a_closed_widget_stays_closed_after_a_reload(server, page):
    widget = Widget(page).goto(server).open()
    widget.expect_question(MENU_QUESTION_EN)
    widget.launcher.click()
    expect(widget.panel).to_be_hidden()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.reload()
    expect(widget.launcher).to_have_attribute("aria-expanded", "false")
    page.wait_for_load_state("networkidle")
    assert [url for url in requests if "/v1/" in url] == []


def test_the_language_switch_changes_the_conversation_and_the_widgets_words(server, page):
    widget = Widget(page).goto(server).open()
    widget.choose(MENU_QUESTION_EN, "Costs and reimbursement")
    widget.expect_question(COSTS_QUESTION_EN)
    english = page.get_by_role("button", name="English")
    dutch = page.get_by_role("button", name="Nederlands")
    expect(english).to_have_attribute("aria-pressed", "true")
    dutch.click()

    expect(dutch).to_have_attribute("aria-pressed", "true")
    expect(english).to_have_attribute("aria-pressed", "false")
    dutch_widget = Widget(page, "nl")
    expect(dutch_widget.send).to_be_visible()
    expect(dutch_widget.input).to_be_focused()
    expect(dutch_widget.launcher).to_have_attribute("aria-expanded", "true")
    last = page.locator(".question").last
    expect(last).to_have_text("Assistent: Wat wil je weten over de kosten?")
    expect(last).to_have_attribute("lang", "nl")
    # The earlier English messages keep their language.
    expect(page.locator(".message").first).to_have_attribute("lang", "en")
    dutch_widget.choose("Wat wil je weten over de kosten?", "Krijg ik het vergoed?")
    expect(page.locator(".question").last).to_have_text("Assistent: Hoe ben je verzekerd?")


def test_asking_for_another_language_in_words_changes_the_widgets_words_too(server, page):
    widget = Widget(page).goto(server).open()
    widget.expect_question(MENU_QUESTION_EN)
    widget.type("in het nederlands graag")
    dutch_widget = Widget(page, "nl")
    expect(page.locator(".question").last).to_have_text("Assistent: Waar gaat je vraag over? Kies een nummer of typ je vraag in je eigen woorden.")
    expect(page.get_by_role("button", name="Nederlands")).to_have_attribute("aria-pressed", "true")
    expect(dutch_widget.send).to_be_visible()
    remembered = page.evaluate("() => JSON.parse(Object.values(sessionStorage)[0])")
    assert remembered["language"] == "nl"
    # English typed at a Dutch question: offered, and a yes brings the widget's words back.
    dutch_widget.type("who pays for it?")
    expect(page.locator(".question").last).to_have_text("Assistent: Shall we continue in English?")
    dutch_widget.type("ja")
    widget.expect_question(MENU_QUESTION_EN)
    expect(widget.send).to_be_visible()
    expect(page.get_by_role("button", name="English")).to_have_attribute("aria-pressed", "true")


def test_the_lang_attribute_picks_the_widgets_words_and_the_conversations_language(server, page):
    page.goto(f"{server.url}/")
    page.evaluate("() => document.querySelector('second-opinion-chat').setAttribute('lang', 'nl')")
    widget = Widget(page, "nl")
    expect(widget.launcher).to_be_visible()
    widget.open()
    expect(page.locator(".message").first).to_have_attribute("lang", "nl")
    expect(page.locator(".message").first).to_contain_text("Hoi!")
    expect(widget.human).to_be_visible()


def test_back_goes_one_step_back(server, page):
    widget = Widget(page).goto(server).open()
    widget.choose(MENU_QUESTION_EN, "Costs and reimbursement")
    widget.choose(COSTS_QUESTION_EN, "Will it be reimbursed?")
    widget.expect_question(INSURANCE_QUESTION_EN)
    widget.back.click()
    widget.expect_question(COSTS_QUESTION_EN)
    expect(widget.log).to_contain_text("Let's go back one step.")
    expect(widget.input).to_be_focused()
    assert widget.messages()[-3:-1] == ["You: Back", "Assistant: Let's go back one step."]
