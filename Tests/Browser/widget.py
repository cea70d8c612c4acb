"""The widget as a person sees it on the demo page: found by role and name, as assistive technology finds it."""

import re

from playwright.sync_api import Page, expect

GREETING_EN = ("Hello! I help with questions about a second opinion in Dutch healthcare. "
               "That is a second view from another doctor on your diagnosis or treatment.")
MENU_QUESTION_EN = "What is your question about? Pick a number or type your question in your own words."
COSTS_QUESTION_EN = "What would you like to know about the costs?"
INSURANCE_QUESTION_EN = "How are you insured?"
REFERRAL_QUESTION_EN = "Do you have a referral for the second opinion (from your doctor or GP)?"
MORE_QUESTION_EN = "Would you like to know more about the costs?"
PLAN_STEP_EN = ("Call your health insurer before you make an appointment. Ask whether the second opinion is "
                "reimbursed, and whether you need a referral or approval first.")


class Widget:
    """Handles on the widget of one tab, in the language of its own words (`en` on the demo page)."""

    def __init__(self, page: Page, language="en"):
        self.page = page
        english = language == "en"
        self.launcher = page.get_by_role("button", name="Questions about a second opinion?" if english
                                         else "Vragen over een second opinion?")
        self.panel = page.get_by_role("dialog")
        self.log = page.get_by_role("log")
        self.input = page.get_by_role("textbox", name="Your message" if english else "Je bericht")
        self.send = page.get_by_role("button", name="Send" if english else "Versturen", exact=True)
        self.back = page.get_by_role("button", name="Back" if english else "Terug", exact=True)
        self.human = page.get_by_role("button", name="Talk to a person" if english else "Praat met een mens")
        self.alert = page.locator("#alert")

    def goto(self, server):
        self.page.goto(f"{server.url}/")
        expect(self.launcher).to_be_visible()
        return self

    def open(self):
        self.launcher.click()
        expect(self.panel).to_be_visible()
        return self

    def choices(self, question):
        """The labelled group of answer buttons of `question`."""
        return self.page.get_by_role("group", name=question)

    def choose(self, question, label):
        self.choices(question).get_by_role("button", name=label, exact=True).click()

    def type(self, text):
        self.input.fill(text)
        self.input.press("Enter")

    def expect_question(self, question):
        """Waits until `question` is the last thing the assistant asked."""
        expect(self.page.locator(".question").last).to_have_text(f"Assistant: {question}")

    def messages(self):
        """The text of every bubble in the log, as a screen reader reads it (with who speaks)."""
        return self.page.locator(".message").all_text_contents()

    def focused_text(self):
        """The text of the focused element, looking into shadow roots."""
        return self.page.evaluate("""() => {
            let element = document.activeElement;
            while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
            return element ? (element.textContent.trim() || element.id) : null;
        }""")


def words(text):
    """A pattern for `text` with its whitespace as it may be laid out."""
    return re.compile(r"\s+".join(map(re.escape, text.split())))
