// The one way the page talks to the server: JSON over /api/v1, the session's CSRF token on every
// change, and refusals turned into an error carrying the server's own sentence.
export const api_base = '/api/v1';

let csrf_token = null;
let on_signed_out = () => {};

export function use_csrf_token(token) { csrf_token = token || null; }
export function when_signed_out(callback) { on_signed_out = callback; }

export class api_error extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : `The server answered ${status}.`);
    this.status = status;
    this.code = body ? body.error : null;
    this.field = body ? body.field : null;
    this.body = body || {};
  }
}

// Query text from an object, leaving out empty values: {class: '4A', sen: ''} -> '?class=4A'.
export function query(params) {
  const parts = Object.entries(params || {})
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export async function request(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrf_token) headers['X-CSRF-Token'] = csrf_token;
  let reply;
  try {
    reply = await fetch(api_base + path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (failure) {
    throw new api_error(0, { error: 'offline', message: 'The server cannot be reached; check the connection and try again. Nothing was lost on this page.' });
  }
  if (reply.status === 204) return null;
  const text = await reply.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = { error: 'bad_reply', message: text }; }
  if (!reply.ok) {
    const problem = new api_error(reply.status, json);
    const session_route = path.startsWith('/session');
    if (reply.status === 401 && !session_route && (problem.code === 'unauthenticated' || problem.code === 'session_expired')) {
      on_signed_out(problem);
    }
    throw problem;
  }
  return json;
}

export const get = (path) => request('GET', path);
export const post = (path, body) => request('POST', path, body === undefined ? {} : body);
export const put = (path, body) => request('PUT', path, body);
export const remove = (path) => request('DELETE', path);

// The address of a file the server makes (a report's PDF), for a link the browser downloads.
export function file_url(path) { return api_base + path; }
