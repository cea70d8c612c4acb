// The second-opinion HTTP API as the widget uses it (see /openapi.yaml). Every failure becomes a
// ChatError whose `kind` the widget turns into words; the server's own error text is never shown.

/** Why a request failed, as the widget needs to tell the person. */
export class ChatError extends Error {
  /**
   * @param {'unreachable'|'rateLimited'|'expired'|'failed'} kind
   * @param {{status?: number, code?: string, retryAfter?: number}} details
   */
  constructor(kind, details = {}) {
    super(`second-opinion request failed: ${kind}${details.status ? ` (${details.status} ${details.code ?? ''})` : ''}`);
    this.name = 'ChatError';
    this.kind = kind;
    this.status = details.status;
    this.code = details.code;
    this.retryAfter = details.retryAfter;
  }
}

/** How long a request may take before the widget says the server cannot be reached. */
const timeoutMilliseconds = 20_000;

/** A client for one API address. It holds no session: the widget passes id and token each time. */
export class ChatClient {
  /** @param {URL} base the API's address; paths such as `v1/sessions` are resolved against it. */
  constructor(base) {
    this.base = base;
  }

  /** Starts a conversation: `{sessionId, token, revision, turn}`. */
  start(language) {
    return this.#request('POST', 'v1/sessions', { body: { language } });
  }

  /** The latest turn of a session, to resume after a page reload: `{sessionId, revision, turn}`. */
  current(session) {
    return this.#request('GET', `v1/sessions/${encodeURIComponent(session.id)}`, { token: session.token });
  }

  /** Sends one input (`{text}`, `{choice}`, `{command}` or `{language}`): `{sessionId, revision, turn}`. */
  send(session, input) {
    return this.#request('POST', `v1/sessions/${encodeURIComponent(session.id)}/turns`, { token: session.token, body: input });
  }

  async #request(method, path, { token, body } = {}) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    let response;
    try {
      response = await fetch(new URL(path, this.base), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        mode: 'cors',
        credentials: 'omit',
        cache: 'no-store',
        signal: AbortSignal.timeout(timeoutMilliseconds),
      });
    } catch {
      // A network failure, a refused CORS check or the timeout: to the person all are "not reachable".
      throw new ChatError('unreachable');
    }
    if (response.ok) {
      try {
        return await response.json();
      } catch {
        throw new ChatError('failed', { status: response.status });
      }
    }
    const code = await response.json().then((answer) => answer?.error?.code, () => undefined);
    const status = response.status;
    if (status === 429) {
      const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
      throw new ChatError('rateLimited', { status, code, retryAfter: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 1 });
    }
    // A session that expired or was deleted answers 404; a token that no longer fits answers 401.
    if (status === 401 || (status === 404 && code === 'session_not_found')) {
      throw new ChatError('expired', { status, code });
    }
    // A proxy in front of a stopped server answers 502/503/504.
    if (status === 502 || status === 503 || status === 504) throw new ChatError('unreachable', { status, code });
    throw new ChatError('failed', { status, code });
  }
}
