// The HTTP calls of the page. The session cookie (HttpOnly) rides along by itself; every call that
// changes state also sends the session's CSRF token, which lives only in this module's memory
// and localStorage (so a reload or a new tab keeps the session; signing out removes it).

const CSRF_KEY = 'gridcast.csrf';
let csrf = localStorage.getItem(CSRF_KEY);
let onUnauthorized = () => {};

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

/**
 * Whether the API answers this page without signing in: a live session cookie, or a server
 * started with authentication off (loopback only).
 */
export async function probeSession() {
  try {
    const res = await fetch('/api/jobs/status?limit=1', {credentials: 'same-origin'});
    return res.ok;
  } catch {
    return false;
  }
}

async function request(method, path, {body, type, signal} = {}) {
  const headers = {Accept: 'application/json'};
  if (method !== 'GET' && method !== 'HEAD' && csrf) headers['X-CSRF-Token'] = csrf;
  if (type) headers['Content-Type'] = type;
  const res = await fetch(path, {method, headers, body, signal, credentials: 'same-origin'});
  if (res.status === 204) return null;
  const text = await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
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

function forget() {
  csrf = null;
  localStorage.removeItem(CSRF_KEY);
}

export const api = {
  get: (path, opts) => request('GET', path, opts),
  postJson: (path, value) => request('POST', path, {body: JSON.stringify(value), type: 'application/json'}),
  post: (path) => request('POST', path),
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

/** A path segment, escaped (SKU names may hold any character). */
export const seg = (s) => encodeURIComponent(s);
