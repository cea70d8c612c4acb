// <second-opinion-chat>: the second-opinion assistant as a chat widget for any web page.
//
//   <second-opinion-chat api="https://assistant.example.org/" lang="nl"></second-opinion-chat>
//   <script type="module" src="https://assistant.example.org/widget/second-opinion-chat.js"></script>
//
// Plain JavaScript and CSS, no framework, no build step, no requests to anyone but the assistant's
// server, and none to its API before the person opens the widget. Everything the server says is
// inserted as text (textContent), never as HTML; only http(s) source addresses become links.

import { ChatClient } from './chat-client.js';
import { SessionMemory } from './session-memory.js';
import { styleSheet } from './widget-styles.js';
import { languages, supportedLanguage, wordsFor } from './widget-words.js';

const template = document.createElement('template');
template.innerHTML = `
<div class="widget">
  <section class="panel" id="panel" role="dialog" aria-labelledby="title" hidden>
    <header>
      <h2 id="title"></h2>
      <button type="button" class="close" id="close"><span aria-hidden="true">×</span><span class="visually-hidden" id="close-label"></span></button>
      <div class="languages" id="languages" role="group">
        ${Object.entries(languages).map(([code, name]) =>
          `<button type="button" lang="${code}" data-language="${code}" aria-pressed="false">${name}</button>`).join('')}
      </div>
    </header>
    <details class="plan" id="plan" hidden><summary id="plan-summary"></summary><ul id="plan-list"></ul></details>
    <div class="body" id="body" role="region" tabindex="0">
      <div class="log" id="log" role="log" aria-live="polite" aria-relevant="additions"></div>
      <div class="choices" id="choices" role="group" hidden></div>
    </div>
    <p class="status" id="status" role="status"></p>
    <p class="alert" id="alert" role="alert"></p>
    <form id="form" novalidate>
      <label class="visually-hidden" for="input" id="input-label"></label>
      <input type="text" id="input" autocomplete="off" enterkeyhint="send" maxlength="2000">
      <button type="submit" class="send" id="send"></button>
    </form>
    <div class="toolbar">
      <button type="button" id="back"></button>
      <button type="button" id="human"></button>
    </div>
  </section>
  <button type="button" class="launcher" id="launcher" aria-expanded="false" aria-controls="panel"></button>
</div>`;

/** The chat widget. Attributes: `api` (the server's address; default: where this script came from) and `lang` (`nl` or `en`). */
export class SecondOpinionChat extends HTMLElement {
  static observedAttributes = ['lang', 'api'];

  #parts = {};
  #client;
  #memory;
  #language = 'nl';
  /** `{id, token}` of the conversation, or null before it starts. */
  #session = null;
  /** The last turn shown, or null before the first. */
  #turn = null;
  #busy = false;
  #questionCount = 0;

  connectedCallback() {
    if (!this.shadowRoot) this.#build();
    this.#connectAPI();
    const remembered = this.#memory.read();
    this.#adoptLanguage(supportedLanguage(remembered.language) ?? this.#attributeLanguage());
    // The person opened it earlier in this tab: carry on after the page reload.
    if (remembered.open) this.open();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.shadowRoot || oldValue === newValue) return;
    if (name === 'api') {
      this.#connectAPI();
    } else if (name === 'lang') {
      const language = this.#attributeLanguage();
      if (this.#session) this.#switchLanguage(language); else this.#adoptLanguage(language);
    }
  }

  /** Whether the panel is open. */
  get isOpen() {
    return !this.#parts.panel.hidden;
  }

  /** Opens the panel and starts (or resumes) the conversation: the first moment the API is called. */
  open() {
    const { panel, launcher, widget, input } = this.#parts;
    panel.hidden = false;
    widget.classList.add('open');
    launcher.setAttribute('aria-expanded', 'true');
    this.#memory.update({ open: true });
    input.focus();
    if (!this.#turn) this.#begin();
  }

  /** Closes the panel and puts focus back on the launcher. */
  close() {
    const { panel, launcher, widget } = this.#parts;
    panel.hidden = true;
    widget.classList.remove('open');
    launcher.setAttribute('aria-expanded', 'false');
    this.#memory.update({ open: false });
    launcher.focus();
  }

  // MARK: - Building

  #build() {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styleSheet];
    root.append(template.content.cloneNode(true));
    const part = (id) => root.getElementById(id);
    this.#parts = {
      widget: root.querySelector('.widget'),
      panel: part('panel'), title: part('title'), languages: part('languages'), close: part('close'),
      closeLabel: part('close-label'), body: part('body'), log: part('log'), status: part('status'), plan: part('plan'),
      planSummary: part('plan-summary'), planList: part('plan-list'), choices: part('choices'), alert: part('alert'),
      form: part('form'), inputLabel: part('input-label'), input: part('input'), send: part('send'),
      back: part('back'), human: part('human'), launcher: part('launcher'),
    };
    const { widget, launcher, close, languages: switcher, form, input, back, human } = this.#parts;
    launcher.addEventListener('click', () => (this.isOpen ? this.close() : this.open()));
    close.addEventListener('click', () => this.close());
    widget.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.isOpen && !event.isComposing) {
        event.preventDefault();
        this.close();
      }
    });
    switcher.addEventListener('click', (event) => {
      const language = event.target.closest('button')?.dataset.language;
      if (language) this.#switchLanguage(language);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (text) this.#send({ text }, text, { clearInput: true }); else input.focus();
    });
    back.addEventListener('click', () => this.#send({ command: 'back' }, this.#words.back));
    human.addEventListener('click', () => this.#send({ command: 'human' }, this.#words.human));
  }

  #connectAPI() {
    // Without an `api` attribute the server that served this script is the API.
    const base = new URL(this.getAttribute('api') || '../', new URL('../', import.meta.url));
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    this.#client = new ChatClient(base);
    this.#memory = new SessionMemory(base.href);
  }

  #attributeLanguage() {
    return supportedLanguage(this.getAttribute('lang'))
      ?? supportedLanguage(this.closest('[lang]')?.getAttribute('lang'))
      ?? 'nl';
  }

  get #words() {
    return wordsFor(this.#language);
  }

  /** Sets the widget's own words in `language`; the server is told separately. */
  #adoptLanguage(language) {
    this.#language = language;
    // Remembered once there is a conversation; before the person opens the widget nothing is stored.
    if (this.#session) this.#memory.update({ language });
    const words = this.#words;
    const parts = this.#parts;
    parts.panel.lang = language;
    parts.launcher.lang = language;
    parts.launcher.textContent = words.launcher;
    parts.title.textContent = words.title;
    parts.closeLabel.textContent = words.close;
    parts.languages.setAttribute('aria-label', words.languageSwitch);
    for (const button of parts.languages.querySelectorAll('button')) {
      button.setAttribute('aria-pressed', String(button.dataset.language === language));
    }
    parts.body.setAttribute('aria-label', words.conversation);
    parts.inputLabel.textContent = words.messageLabel;
    parts.input.placeholder = words.placeholder;
    parts.send.textContent = words.send;
    parts.back.textContent = words.back;
    parts.human.textContent = words.human;
    if (this.#turn) {
      this.#showPlan(this.#turn.plan);
      this.#showChoices(this.#turn);
    }
  }

  // MARK: - Talking to the server

  /** Resumes the remembered session, or starts one. */
  async #begin() {
    if (this.#busy) return;
    this.#busy = true;
    this.#say(this.#parts.alert, '');
    this.#say(this.#parts.status, this.#words.starting);
    try {
      const remembered = this.#memory.read();
      if (remembered.id && remembered.token) {
        try {
          await this.#resume({ id: remembered.id, token: remembered.token });
          return;
        } catch (error) {
          if (error.kind !== 'expired') throw error;
          this.#memory.forgetSession();
          await this.#start(this.#words.expired);
          return;
        }
      }
      await this.#start();
    } catch (error) {
      this.#showError(error);
    } finally {
      this.#busy = false;
      this.#say(this.#parts.status, '');
    }
  }

  async #resume(session) {
    const answer = await this.#client.current(session);
    this.#session = session;
    this.#followLanguage(answer.turn);
    this.#showTurn(answer.turn, { notice: this.#words.resumed });
  }

  async #start(notice) {
    const created = await this.#client.start(this.#language);
    this.#session = { id: created.sessionId, token: created.token };
    this.#memory.update({ id: created.sessionId, token: created.token, language: this.#language, checked: [] });
    this.#showTurn(created.turn, { notice });
  }

  /**
   * Sends one input and shows the answer. `echo` is what the person's bubble says. On failure
   * nothing is lost: typed text stays in the input, and the person is told why.
   */
  async #send(input, echo, { clearInput = false } = {}) {
    if (this.#busy) return;
    if (!this.#session) {
      // The start failed earlier (server unreachable, say): try it again first.
      await this.#begin();
      if (!this.#session) return this.#parts.input.focus();
    }
    this.#busy = true;
    this.#say(this.#parts.alert, '');
    try {
      const answer = await this.#client.send(this.#session, input);
      if (clearInput) this.#parts.input.value = '';
      this.#followLanguage(answer.turn);
      this.#showTurn(answer.turn, { echo });
      if (answer.turn.handoff) this.#announceHandoff(answer.turn.handoff);
    } catch (error) {
      if (error.kind === 'expired') {
        this.#session = null;
        this.#memory.forgetSession();
        try {
          await this.#start(this.#words.expired);
        } catch (startError) {
          this.#showError(startError);
        }
      } else {
        this.#showError(error);
      }
    } finally {
      this.#busy = false;
      this.#parts.input.focus();
    }
  }

  async #switchLanguage(language) {
    if (language === this.#language) return;
    if (this.#session) await this.#send({ language }); else this.#adoptLanguage(language);
  }

  /**
   * Speaks the conversation's language after `turn`: the switch buttons, a request in words
   * ("in het Nederlands graag") and a yes to "shall we continue in English?" all change it.
   */
  #followLanguage(turn) {
    const language = supportedLanguage(turn.language);
    if (language && language !== this.#language) this.#adoptLanguage(language);
  }

  #announceHandoff(handoff) {
    // The page may connect its own support desk here; the session id is what that desk needs.
    this.dispatchEvent(new CustomEvent('second-opinion-handoff', {
      bubbles: true, composed: true, detail: { sessionId: this.#session?.id, reason: handoff.reason },
    }));
  }

  #showError(error) {
    const words = this.#words;
    switch (error?.kind) {
      case 'unreachable': return this.#say(this.#parts.alert, words.unreachable);
      case 'rateLimited': return this.#say(this.#parts.alert, words.rateLimited(error.retryAfter));
      case 'expired': return this.#say(this.#parts.alert, words.expired);
      default:
        if (!error?.kind) console.error(error);
        return this.#say(this.#parts.alert, words.failed);
    }
  }

  #say(element, text) {
    element.lang = this.#language;
    element.textContent = text;
  }

  // MARK: - Showing a turn

  /**
   * Appends the person's bubble and the assistant's turn to the log in one step, so the live
   * region announces exactly the new messages and nothing it already said.
   */
  #showTurn(turn, { echo, notice } = {}) {
    this.#turn = turn;
    const language = this.#language;
    const words = this.#words;
    const added = document.createDocumentFragment();
    if (echo) added.append(this.#bubble('person', words.you, echo, language));
    const block = element('div', { className: 'turn' });
    if (notice) block.append(element('p', { className: 'notice', lang: language, textContent: notice }));
    for (const message of turn.messages ?? []) block.append(this.#bubble('assistant', words.assistant, message, language));
    if (turn.sources?.length) block.append(this.#sources(turn.sources, language));
    // Only a page that connects a desk (the `desk` attribute) may promise that someone takes over;
    // an emergency answer already says whom to call.
    if (turn.handoff && turn.handoff.reason !== 'emergency' && this.hasAttribute('desk')) {
      block.append(element('p', { className: 'notice', lang: language, textContent: words.handoff }));
    }
    if (turn.question) {
      const question = this.#bubble('assistant question', words.assistant, turn.question, language);
      question.lastChild.id = `question-${++this.#questionCount}`;
      block.append(question);
    }
    if (turn.ended) block.append(element('p', { className: 'notice', lang: language, textContent: words.ended }));
    added.append(block);
    const first = added.firstElementChild;
    this.#parts.log.append(added);
    // Scrolled so the new turn starts at the top: long answers are read from their beginning.
    this.#parts.body.scrollTop = Math.max(0, first.offsetTop - 8);
    this.#parts.input.inputMode = turn.expects === 'number' ? 'decimal' : 'text';
    this.#showPlan(turn.plan ?? []);
    this.#showChoices(turn);
  }

  #bubble(kind, speaker, text, language) {
    const bubble = element('p', { className: `message ${kind}`, lang: language });
    // Screen readers hear who speaks; the bubbles' sides show it on screen.
    bubble.append(element('span', { className: 'visually-hidden', textContent: `${speaker} ` }), element('span', { textContent: text }));
    return bubble;
  }

  #sources(sources, language) {
    const box = element('div', { className: 'sources', lang: language });
    box.append(element('span', { textContent: `${this.#words.sources}:` }));
    const list = element('ul');
    for (const source of sources) {
      const item = element('li');
      const text = source.publisher ? `${source.title} (${source.publisher})` : source.title;
      const url = webAddress(source.url);
      if (url) {
        const link = element('a', { href: url, target: '_blank', rel: 'noopener noreferrer', textContent: text });
        link.append(element('span', { className: 'visually-hidden', textContent: ` ${this.#words.newTab}` }));
        item.append(link);
      } else {
        item.textContent = text;
      }
      list.append(item);
    }
    box.append(list);
    return box;
  }

  #showChoices(turn) {
    const { choices } = this.#parts;
    const words = this.#words;
    choices.replaceChildren();
    choices.removeAttribute('aria-labelledby');
    choices.setAttribute('aria-label', words.choices);
    if (turn.ended) {
      choices.append(element('button', { type: 'button', textContent: words.restart, onclick: () => this.#send({ command: 'restart' }, words.restart) }));
    } else {
      const question = this.#parts.log.querySelector(`#question-${this.#questionCount}`);
      if (turn.question && question) {
        choices.removeAttribute('aria-label');
        choices.setAttribute('aria-labelledby', question.id);
      }
      for (const choice of turn.choices ?? []) {
        choices.append(element('button', {
          type: 'button', lang: this.#language, textContent: choice.label,
          onclick: () => this.#send({ choice: choice.id }, choice.label),
        }));
      }
      // A yes/no question of the dialogs comes without choices; the engine reads "ja" and "yes" alike.
      if (turn.expects === 'yesno' && !turn.choices?.length) {
        for (const label of [words.yes, words.no]) {
          choices.append(element('button', {
            type: 'button', lang: this.#language, textContent: label,
            onclick: () => this.#send({ text: label.toLowerCase() }, label),
          }));
        }
      }
    }
    choices.hidden = choices.childElementCount === 0;
  }

  /** The plan as a checklist; ticks are the person's own and stay in this tab. */
  #showPlan(plan) {
    const { plan: box, planSummary, planList } = this.#parts;
    box.hidden = plan.length === 0;
    planSummary.textContent = this.#words.plan(plan.length);
    box.lang = this.#language;
    const checked = new Set(this.#memory.read().checked ?? []);
    planList.replaceChildren(...plan.map((entry, index) => {
      const id = `plan-step-${index}`;
      const tick = element('input', { type: 'checkbox', id, checked: checked.has(entry.id) });
      tick.addEventListener('change', () => {
        const ticked = new Set(this.#memory.read().checked ?? []);
        if (tick.checked) ticked.add(entry.id); else ticked.delete(entry.id);
        this.#memory.update({ checked: [...ticked] });
      });
      const item = element('li');
      item.append(tick, element('label', { htmlFor: id, textContent: entry.text }));
      return item;
    }));
  }
}

/** A new element with properties set (never innerHTML). */
function element(tag, properties = {}) {
  return Object.assign(document.createElement(tag), properties);
}

/** `url` when it is an http(s) address, else null: other schemes (javascript:, data:) never become links. */
function webAddress(url) {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

if (!customElements.get('second-opinion-chat')) customElements.define('second-opinion-chat', SecondOpinionChat);
