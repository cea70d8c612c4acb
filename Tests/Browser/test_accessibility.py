"""WCAG 2.1 AA: axe-core finds nothing serious, the log announces only what is new, answers are
buttons in a labelled group, and the widget works in a 320 px wide window.

Set WIDGET_SCREENSHOTS to a folder (such as `docs`) to write the screenshots the README shows.
"""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from widget import COSTS_QUESTION_EN, INSURANCE_QUESTION_EN, MENU_QUESTION_EN, MORE_QUESTION_EN, REFERRAL_QUESTION_EN, Widget

AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
}


def serious_violations(page):
    """axe-core's serious and critical findings, each as `rule: target` lines a person can act on."""
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    return [f"{violation['id']} ({violation['impact']}): {node['target']}: {node['failureSummary']}"
            for violation in violations if violation["impact"] in ("serious", "critical")
            for node in violation["nodes"]]


def talk_until_the_plan(widget):
    """A conversation with everything the widget shows: messages, sources, a plan and answers."""
    widget.choose(MENU_QUESTION_EN, "Costs and reimbursement")
    widget.choose(COSTS_QUESTION_EN, "Will it be reimbursed?")
    widget.choose(INSURANCE_QUESTION_EN, "Basic plus supplementary insurance")
    widget.choose(REFERRAL_QUESTION_EN, "No")
    widget.expect_question(MORE_QUESTION_EN)


def screenshot(page, name):
    folder = os.environ.get("WIDGET_SCREENSHOTS")
    if folder:
        # The end of the conversation: the last answer, its sources, the question and its answers.
        page.evaluate("() => { const body = document.querySelector('second-opinion-chat').shadowRoot.getElementById('body');"
                      " body.scrollTop = body.scrollHeight; }")
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / name))


def test_axe_finds_nothing_serious_on_the_closed_and_the_open_widget(server, page):
    widget = Widget(page).goto(server)
    assert serious_violations(page) == []
    widget.open()
    talk_until_the_plan(widget)
    page.locator("details.plan summary").click()
    assert serious_violations(page) == []
    widget.type("my father has chest pain")
    expect(page.get_by_role("link", name="112, the Dutch emergency number")).to_be_visible()
    assert serious_violations(page) == []


def test_the_log_announces_only_new_messages(server, page):
    widget = Widget(page).goto(server).open()
    widget.expect_question(MENU_QUESTION_EN)
    expect(widget.log).to_have_attribute("aria-live", "polite")
    expect(widget.log).to_have_attribute("aria-relevant", "additions")
    page.evaluate("""() => {
        const log = document.querySelector('second-opinion-chat').shadowRoot.getElementById('log');
        window.logChanges = { added: 0, removed: 0, changed: 0 };
        new MutationObserver((records) => {
            for (const record of records) {
                window.logChanges.added += record.addedNodes.length;
                window.logChanges.removed += record.removedNodes.length;
                if (record.type !== 'childList') window.logChanges.changed += 1;
            }
        }).observe(log, { childList: true, subtree: true, characterData: true, attributes: true });
    }""")
    first = page.locator(".message").first.text_content()
    widget.choose(MENU_QUESTION_EN, "Costs and reimbursement")
    widget.choose(COSTS_QUESTION_EN, "Will it be reimbursed?")
    widget.expect_question(INSURANCE_QUESTION_EN)
    # Two turns: each added the person's bubble and the assistant's block, and touched nothing else.
    assert page.evaluate("() => window.logChanges") == {"added": 4, "removed": 0, "changed": 0}
    expect(page.locator(".message").first).to_have_text(first)
    # The answers are outside the log, so they are not read out as messages.
    assert page.locator("#log button").count() == 0


def test_answers_are_buttons_in_a_group_named_by_the_question(server, page):
    widget = Widget(page).goto(server).open()
    widget.choose(MENU_QUESTION_EN, "Costs and reimbursement")
    group = widget.choices(COSTS_QUESTION_EN)
    expect(group.get_by_role("button")).to_have_text(
        ["Will it be reimbursed?", "Can I just pay for it myself?", "How does the deductible work?"])


def test_the_widget_is_themed_through_custom_properties(server, page):
    page.goto(f"{server.url}/")
    page.add_style_tag(content="second-opinion-chat { --so-accent: #5a1f4f; --so-font: Georgia, serif; }")
    widget = Widget(page)
    expect(widget.launcher).to_have_css("background-color", "rgb(90, 31, 79)")
    expect(widget.launcher).to_have_css("font-family", "Georgia, serif")


@pytest.mark.parametrize("viewport", [{"width": 320, "height": 640}])
def test_the_open_widget_fits_a_320_pixel_window_without_sideways_scrolling(server, page, viewport):
    widget = Widget(page).goto(server)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    widget.open()
    talk_until_the_plan(widget)
    box = widget.panel.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    overflowing = page.evaluate("""() => {
        const root = document.querySelector('second-opinion-chat').shadowRoot;
        return [...root.querySelectorAll('*')]
            .filter((element) => !element.matches('.visually-hidden, .visually-hidden *'))
            .filter((element) => element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'visible')
            .map((element) => element.id || element.className);
    }""")
    assert overflowing == []
    for button in widget.choices(MORE_QUESTION_EN).get_by_role("button").all():
        answer = button.bounding_box()
        assert answer["x"] >= 0 and answer["x"] + answer["width"] <= 320
    expect(widget.input).to_be_in_viewport()
    expect(widget.send).to_be_in_viewport()
    widget.expect_question(MORE_QUESTION_EN)
    screenshot(page, "widget-320.png")
    assert serious_violations(page) == []


def test_the_open_widget_in_a_1280_pixel_window(server, page):
    widget = Widget(page).goto(server).open()
    talk_until_the_plan(widget)
    page.locator("details.plan summary").click()
    box = widget.panel.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 1280 and box["y"] >= 0
    expect(widget.launcher).to_be_in_viewport()
    screenshot(page, "widget-1280.png")
