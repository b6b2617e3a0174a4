// The HTTP calls of the page. The session cookie (HttpOnly) rides along by itself; every call that
// changes state also sends the session's CSRF token, which lives only in this module's memory
// and localStorage (so a reload or a new tab keeps the session; signing out removes it).

const CSRF_KEY = 'gridcast.csrf';
let csrf = localStorage.getItem(CSRF_KEY);
let onUnauthorized = () => {};
let onReachability = () => {};

/** An API refusal: HTTP status, the server's error code and message. */
export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details || {};
  }
}

export function setUnauthorizedHandler(fn) {
  onUnauthorized = fn;
}

/** `fn(true)` after every answer from the server, `fn(false)` when a request got none. */
export function setReachabilityHandler(fn) {
  onReachability = fn;
}

/** The code of the ApiError a request gets when the server cannot be reached. */
export const UNREACHABLE = 'unreachable';

// A proxy in front of the server answers these when the server behind it is down; the server's own
// refusals always carry its JSON error body.
const GATEWAY_DOWN = new Set([502, 503, 504]);

/**
 * Whether the API answers this page without signing in: a live session cookie, or a server
 * started with authentication off (loopback only). Rejects with an ApiError when the server
 * cannot be reached.
 */
export async function probeSession() {
  let res;
  try {
    res = await fetch('/api/jobs/status?limit=1', {credentials: 'same-origin'});
  } catch {
    throw unreachable();
  }
  if (GATEWAY_DOWN.has(res.status)) throw unreachable();
  return res.ok;
}

async function request(method, path, {body, type, signal} = {}) {
  const headers = {Accept: 'application/json'};
  if (method !== 'GET' && method !== 'HEAD' && csrf) headers['X-CSRF-Token'] = csrf;
  if (type) headers['Content-Type'] = type;
  let res;
  let text;
  try {
    res = await fetch(path, {method, headers, body, signal, credentials: 'same-origin'});
    text = res.status === 204 ? '' : await res.text();
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw unreachable();
  }
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null; // not JSON: the status says what happened
  }
  if (GATEWAY_DOWN.has(res.status) && !(data && data.error)) throw unreachable();
  onReachability(true);
  if (res.status === 204) return null;
  if (!res.ok) {
    const e = (data && data.error) || {};
    const lostSession = res.status === 401 || (res.status === 403 && e.code === 'csrf_failed');
    if (lostSession && path !== '/auth/session') {
      forget();
      onUnauthorized();
    }
    throw new ApiError(res.status, e.code || 'http_' + res.status, e.message || res.statusText, e.details);
  }
  return data;
}

function unreachable() {
  onReachability(false);
  return new ApiError(0, UNREACHABLE, 'server unreachable');
}

function forget() {
  csrf = null;
  localStorage.removeItem(CSRF_KEY);
}

export const api = {
  get: (path, opts) => request('GET', path, opts),
  postJson: (path, value) => request('POST', path, {body: JSON.stringify(value), type: 'application/json'}),
  post: (path) => request('POST', path),
  patchJson: (path, value) => request('PATCH', path, {body: JSON.stringify(value), type: 'application/json'}),
  del: (path) => request('DELETE', path),
  upload: (path, file) => request('POST', path, {body: file, type: 'text/csv'}),

  async signIn(token) {
    const s = await request('POST', '/auth/session', {body: JSON.stringify({token}), type: 'application/json'});
    csrf = s.csrf_token;
    localStorage.setItem(CSRF_KEY, csrf);
    localStorage.setItem('gridcast.user', s.user);
    localStorage.setItem('gridcast.role', s.role || '');
    return s;
  },

  async signOut() {
    try {
      await request('DELETE', '/auth/session');
    } finally {
      forget();
    }
  },
};

/** Builds a query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

/**
 * A path segment, escaped (SKU names may hold any character). A segment that is `.` or `..`, even
 * escaped as `%2E`, is a dot segment that URL parsing removes: names travel in the query string
 * (`?sku=`) in API calls; in the page's own `#/...` routes (never normalised) they are fine.
 */
export const seg = (s) => encodeURIComponent(s);
