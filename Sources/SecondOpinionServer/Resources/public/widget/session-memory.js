// What the widget remembers in this browser tab (sessionStorage), so a page reload resumes the
// conversation: the session id and token, the language, whether the panel was open and which plan
// steps the person ticked. Nothing the person typed and nothing the assistant said is kept here.

/** The remembered state of one widget, keyed by its API address. */
export class SessionMemory {
  /** @param {string} api the API address the session belongs to */
  constructor(api) {
    this.key = `second-opinion-chat:${api}`;
  }

  /** `{id?, token?, language?, open?, checked?}`; empty when nothing is stored or storage is off. */
  read() {
    try {
      const value = JSON.parse(window.sessionStorage.getItem(this.key) ?? '{}');
      return value && typeof value === 'object' ? value : {};
    } catch {
      return {};
    }
  }

  /** Merges `change` into what is stored. Storage that is full or switched off only loses the resume. */
  update(change) {
    try {
      window.sessionStorage.setItem(this.key, JSON.stringify({ ...this.read(), ...change }));
    } catch {
      // Private modes may refuse storage; the conversation goes on, it just cannot resume.
    }
  }

  /** Forgets the session (expired or ended elsewhere) but keeps the language and the open panel. */
  forgetSession() {
    this.update({ id: undefined, token: undefined, checked: [] });
  }
}
