// Calls to the portal's own API from the media pages: the session cookie plus the CSRF header.

/** A portal that does not answer within this is treated like one that cannot be reached. */
const REQUEST_TIMEOUT_MS = 15000;

/** A refusal of the API, with the problem's HTTP status, its sentence and, for 429, the seconds to wait. */
export class ApiProblem extends Error {
  constructor(status, detail, retryAfter, type) {
    super(detail || `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = status;
    this.detail = detail;
    this.retryAfter = retryAfter;
    this.type = type || '';
  }
}

export class Api {
  constructor(base, csrfToken) {
    this.base = base;
    this.csrfToken = csrfToken;
  }

  get(path) {
    return this.call('GET', path);
  }

  post(path, payload) {
    return this.call('POST', path, payload);
  }

  put(path, payload) {
    return this.call('PUT', path, payload);
  }

  /**
   * A TRTC credential, with how long it stays valid (measured on the server's clock, so a wrong clock here
   * does not matter) and how far this clock is behind the server's.
   */
  async credential(path) {
    const { body, serverTime } = await this.exchange('POST', path);
    const expiresAt = Math.min(Date.parse(body.expiresAt), Date.parse(body.userSigExpiresAt));
    const now = Number.isNaN(serverTime) ? Date.now() : serverTime;
    return { ...body, validForMs: expiresAt - now, serverOffsetMs: now - Date.now() };
  }

  async call(method, path, payload) {
    return (await this.exchange(method, path, payload)).body;
  }

  async exchange(method, path, payload) {
    const headers = { Accept: 'application/json, application/problem+json' };
    if (method !== 'GET') {
      headers['X-CSRF-Token'] = this.csrfToken;
    }
    if (payload !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(this.base + path, {
      method, headers, credentials: 'same-origin', cache: 'no-store', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const retryAfter = Number(response.headers.get('Retry-After')) || null;
      // A refused input names what is wrong with each field: that is the sentence for people.
      const fields = body && Array.isArray(body.errors) ? body.errors.map((error) => error.detail).join(' ') : '';
      throw new ApiProblem(response.status, fields || (body && (body.detail || body.title)), retryAfter, body && body.type);
    }
    return { body, serverTime: Date.parse(response.headers.get('Date')) };
  }
}
