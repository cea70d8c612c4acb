// The widget's look, adopted by its shadow root so page styles cannot break it and it cannot
// break the page. A page themes it through the `--so-*` custom properties (listed in the README),
// which pass into the shadow tree. The defaults meet WCAG AA contrast (4.5:1 for text, 3:1 for
// borders and focus rings) on their own backgrounds.

const css = String.raw`
:host {
  all: initial;
  --_accent: var(--so-accent, #1d4f91);
  --_on-accent: var(--so-on-accent, #ffffff);
  --_background: var(--so-background, #ffffff);
  --_text: var(--so-text, #1b1b1b);
  --_muted: var(--so-muted, #4a4a4a);
  --_border: var(--so-border, #767676);
  --_assistant-bubble: var(--so-assistant-bubble, #eef2f7);
  --_person-bubble: var(--so-person-bubble, #1d4f91);
  --_on-person-bubble: var(--so-on-person-bubble, #ffffff);
  --_link: var(--so-link, #1a4d8f);
  --_focus: var(--so-focus, #b34700);
  --_error-background: var(--so-error-background, #fdecea);
  --_error-text: var(--so-error-text, #8a1c12);
  --_radius: var(--so-radius, 0.75rem);
  position: fixed;
  right: 1rem;
  bottom: 1rem;
  z-index: var(--so-z-index, 2147483000);
  font-family: var(--so-font, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif);
  font-size: var(--so-font-size, 1rem);
  line-height: 1.45;
  color: var(--_text);
}

*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }

button, input { font: inherit; color: inherit; }
button { cursor: pointer; min-height: 2.75rem; border-radius: calc(var(--_radius) / 1.5); }
:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }

.visually-hidden {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}

.launcher {
  display: block;
  max-width: calc(100vw - 2rem);
  padding: 0.75rem 1.25rem;
  border: 2px solid transparent;
  border-radius: 999px;
  background: var(--_accent);
  color: var(--_on-accent);
  font-weight: 600;
  box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 0.25);
}

.panel {
  position: absolute;
  right: 0;
  bottom: calc(100% + 0.75rem);
  display: flex;
  flex-direction: column;
  width: min(24rem, calc(100vw - 2rem));
  height: min(42rem, calc(100dvh - 6rem));
  background: var(--_background);
  color: var(--_text);
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 0.25);
  overflow: hidden;
}

header {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.25rem 0.5rem;
  padding: 0.5rem 0.5rem 0.5rem 1rem;
  background: var(--_accent);
  color: var(--_on-accent);
}
h2 { flex: 1 1 0; margin: 0; font-size: 1.0625rem; font-weight: 600; }
.languages { display: flex; flex-basis: 100%; gap: 0.25rem; }
header button {
  min-width: 2.75rem;
  padding: 0.25rem 0.5rem;
  border: 2px solid transparent;
  background: transparent;
  color: var(--_on-accent);
}
header button[aria-pressed="true"] { border-color: var(--_on-accent); font-weight: 600; }
header :focus-visible { outline-color: var(--_on-accent); }
.close { font-size: 1.25rem; line-height: 1; }

/* The conversation and the answers to the last question scroll together; the text box stays put. */
.body {
  position: relative;
  flex: 1 1 auto;
  overflow-y: auto;
  overscroll-behavior: contain;
  padding: 1rem 0 0.25rem;
}
.log { display: flex; flex-direction: column; gap: 0.5rem; padding: 0 1rem 0.5rem; }
.turn { display: flex; flex-direction: column; gap: 0.5rem; }
.message {
  max-width: 92%;
  margin: 0;
  padding: 0.5rem 0.75rem;
  border-radius: var(--_radius);
  white-space: pre-line;
  overflow-wrap: anywhere;
}
.assistant { align-self: flex-start; background: var(--_assistant-bubble); }
.person { align-self: flex-end; background: var(--_person-bubble); color: var(--_on-person-bubble); }
.question { font-weight: 600; }
.notice { align-self: stretch; margin: 0; padding: 0.5rem 0.75rem; border-left: 4px solid var(--_accent); color: var(--_text); }
.sources { margin: 0; font-size: 0.875rem; color: var(--_muted); overflow-wrap: anywhere; }
.sources ul { margin: 0.25rem 0 0; padding-left: 1.25rem; }
a { color: var(--_link); text-decoration: underline; }

.plan { margin: 0.5rem 1rem 0; border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 1.5); }
.plan summary { cursor: pointer; padding: 0.5rem 0.75rem; font-weight: 600; }
.plan ul { list-style: none; margin: 0; padding: 0 0.75rem 0.5rem; max-height: 8rem; overflow-y: auto; }
.plan li { display: flex; gap: 0.5rem; align-items: flex-start; padding: 0.25rem 0; overflow-wrap: anywhere; }
.plan input { flex: none; width: 1.25rem; height: 1.25rem; margin: 0.125rem 0 0; accent-color: var(--_accent); }

.choices { display: flex; flex-wrap: wrap; gap: 0.5rem; padding: 0 1rem 0.5rem; }
.choices button, .toolbar button {
  padding: 0.375rem 0.75rem;
  border: 2px solid var(--_accent);
  background: var(--_background);
  color: var(--_accent);
  text-align: left;
  overflow-wrap: anywhere;
}
.choices button { flex: 1 1 100%; }

.alert {
  margin: 0 1rem 0.5rem;
  padding: 0.5rem 0.75rem;
  border-radius: calc(var(--_radius) / 1.5);
  background: var(--_error-background);
  color: var(--_error-text);
}
/* Empty live regions stay in the page (so screen readers hear what is put in them) but take no room. */
.alert:empty, .status:empty { margin: 0; padding: 0; }
.status { margin: 0 1rem 0.5rem; color: var(--_muted); }

form { display: flex; gap: 0.5rem; padding: 0.5rem 1rem; border-top: 1px solid var(--_border); }
input[type="text"] {
  flex: 1 1 auto;
  min-width: 0;
  padding: 0.5rem 0.75rem;
  border: 1px solid var(--_border);
  border-radius: calc(var(--_radius) / 1.5);
  background: var(--_background);
}
input::placeholder { color: var(--_muted); opacity: 1; }
.send { flex: none; padding: 0.5rem 1rem; border: 2px solid transparent; background: var(--_accent); color: var(--_on-accent); font-weight: 600; }

.toolbar { display: flex; flex-wrap: wrap; gap: 0.5rem; padding: 0 1rem 0.75rem; }
.toolbar button { flex: 1 1 auto; text-align: center; font-size: 0.9375rem; }

/* Small screens: the open panel takes the whole window. */
@media (max-width: 30rem) {
  .panel {
    position: fixed;
    inset: 0;
    width: auto;
    height: auto;
    border: 0;
    border-radius: 0;
  }
  .widget.open .launcher { visibility: hidden; }
}
`;

/** The widget's stylesheet, shared by every instance on the page. */
export const styleSheet = new CSSStyleSheet();
styleSheet.replaceSync(css);
