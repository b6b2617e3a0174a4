// The page's one source of truth for job state. It holds the ONE EventSource of the page
// (GET /api/events); panels never fetch job state themselves, they read this store (passed down
// as props from the app shell) and re-render when it changes. When streaming is unavailable it
// polls GET /api/jobs/status, and it keeps reconnecting the stream with exponential backoff,
// resuming after the last event id it saw (no change is lost across a reconnect).
// It also keeps the server's active alerts: seeded from GET /api/performance/alerts whenever the
// stream opens, then changed by the stream's `event: alert` messages (raised or cleared).
// And it keeps whether the server answers at all (every request of the page reports to it): while
// it does not, views keep what they loaded and mark it stale; when it answers again, `online`
// bumps (views load again) and the stream reconnects at once, whatever its backoff.

import {UNREACHABLE, api, query} from './api.js';

export const STATUSES = ['waiting', 'pending', 'running', 'completed', 'failed', 'cancelled'];
const FINISHED = new Set(['completed', 'failed', 'cancelled']);
const PAGE = 500;
const POLL_MS = 2000;
const NOTIFY_MS = 120;
const BACKOFF_MIN_MS = 1000;
const BACKOFF_MAX_MS = 30000;

export const isFinished = (status) => FINISHED.has(status);

function emptyCounts() {
  return {waiting: 0, pending: 0, running: 0, completed: 0, failed: 0, cancelled: 0};
}

const newestFirst = (a, b) => (a < b ? 1 : a > b ? -1 : 0);

/** Merges two newest-first id arrays, keeping ids still in `jobs`, each once. Linear time. */
export function mergeNewestFirst(a, b, jobs) {
  const out = [];
  let i = 0;
  let k = 0;
  let last = null;
  while (i < a.length || k < b.length) {
    const id = k >= b.length || (i < a.length && a[i] > b[k]) ? a[i++] : b[k++];
    if (id !== last && jobs.has(id)) out.push(id);
    last = id;
  }
  return out;
}

/** Creates a store; the page makes exactly one (see app.js). */
export function createStore({transport = 'stream'} = {}) {
  const state = {
    summary: emptyCounts(),
    jobs: new Map(), // id -> {id, sku, type, status, batch_id, progress, error, cancel_requested, updated}
    batches: new Map(), // batch id -> counts by status of the jobs this store knows
    version: 0, // bumps on every change
    membership: 0, // bumps when jobs are added or removed
    connection: 'idle', // idle | connecting | live | reconnecting | polling
    lastEventId: null,
    streamsOpened: 0,
    alerts: new Map(), // rule -> the latest alert change seen for it (raised or cleared), by seq
    reachable: true, // false from a request that got no answer until the next answer
    online: 0, // bumps each time the server answers again after being unreachable
    syncedAt: null, // when the job state was last known current (ms)
    problem: null, // the error of the store's last failed request, when it was not unreachability
  };
  const listeners = new Set();
  const cursors = new Map(); // filter key -> next cursor ('' = exhausted)
  // Job ids newest first. Ids are time-ordered, so new jobs (uploads, events) are nearly always
  // newer than every known one: they are sorted among themselves and merged in linear time,
  // never re-sorting 100,000 ids per update.
  let order = [];
  let fresh = [];
  let removed = false;
  let source = null;
  let attempt = 0;
  let retryTimer = null;
  let pollTimer = null;
  let notifyTimer = null;
  let running = false;
  let snapshotTaken = false;

  function synced() {
    state.syncedAt = Date.now();
    state.problem = null;
  }

  /** Keeps a failed request's error for the views; unreachability has its own flag. */
  function failed(e) {
    if (e.code !== UNREACHABLE && state.problem !== e.message) {
      state.problem = e.message;
      changed(false);
    }
  }

  function changed(membership) {
    state.version++;
    if (membership) state.membership++;
    if (notifyTimer == null) {
      notifyTimer = setTimeout(() => {
        notifyTimer = null;
        for (const fn of listeners) fn(state);
      }, NOTIFY_MS);
    }
  }

  // Counts move with every status change the store sees, so the header, the queue and a batch's
  // panel agree at once; the server's summary (sent twice a second while jobs change, and with
  // every listing) then replaces the global counts, correcting any job this page never saw.
  function countIn(batchId, status, delta) {
    if (!status) return;
    state.summary = {...state.summary, [status]: Math.max(0, (state.summary[status] || 0) + delta)};
    if (!batchId) return;
    let c = state.batches.get(batchId);
    if (!c) state.batches.set(batchId, (c = emptyCounts()));
    c[status] = (c[status] || 0) + delta;
  }

  /** Merges a job (from a listing, an event or an upload answer); newer information wins. */
  function put(j) {
    const old = state.jobs.get(j.id);
    if (old && j.updated && old.updated && j.updated < old.updated) return false;
    const merged = old ? {...old} : {id: j.id, sku: null, type: null, status: 'pending', batch_id: null, progress: null};
    for (const k of ['sku', 'type', 'status', 'batch_id', 'progress', 'error', 'cancel_requested', 'updated', 'after_batch', 'on_child_failure']) {
      if (j[k] !== undefined && j[k] !== null) merged[k] = j[k];
    }
    if (j.status === 'pending' && old && old.status !== 'pending') merged.progress = j.progress ?? null;
    if (!old || old.status !== merged.status || old.batch_id !== merged.batch_id) {
      if (old) countIn(old.batch_id, old.status, -1);
      countIn(merged.batch_id, merged.status, +1);
    }
    state.jobs.set(j.id, merged);
    if (!old) fresh.push(j.id);
    return !old;
  }

  function remove(id) {
    const old = state.jobs.get(id);
    if (!old) return false;
    countIn(old.batch_id, old.status, -1);
    state.jobs.delete(id);
    removed = true;
    return true;
  }

  function fromBrief(b) {
    return {
      id: b.id, sku: b.sku, type: b.type, status: b.status, batch_id: b.batch_id,
      progress: b.progress, error: b.error, cancel_requested: b.cancel_requested,
      after_batch: b.after_batch, on_child_failure: b.on_child_failure,
      updated: Date.parse(b.updated_at) || 0,
    };
  }

  function applyListing(page) {
    synced();
    let added = false;
    for (const b of page.jobs) added = put(fromBrief(b)) || added;
    if (page.summary) state.summary = page.summary;
    changed(added);
  }

  function applyEvent(e) {
    state.syncedAt = Date.now();
    if (e.kind === 'deleted') {
      changed(remove(e.job_id));
      return;
    }
    const added = put({
      id: e.job_id, sku: e.sku, type: e.type, status: e.status, batch_id: e.batch_id,
      progress: e.progress,
      // a retried job starts a new run: no stop request and no error of the run before
      cancel_requested: e.kind === 'cancel_requested' ? true : e.kind === 'retried' ? false : undefined,
      error: e.kind === 'retried' ? '' : undefined,
      updated: Date.parse(e.at) || 0,
    });
    changed(added);
  }

  async function snapshot() {
    try {
      const page = await api.get('/api/jobs/status' + query({limit: PAGE}));
      applyListing(page);
      if (!cursors.has(filterKey({}))) cursors.set(filterKey({}), page.next_cursor || '');
      snapshotTaken = true;
    } catch (e) {
      failed(e); // the stream or the next poll brings the state
    }
  }

  /** Merges alert changes; a rule keeps its change with the highest seq. */
  function putAlerts(list) {
    let any = false;
    for (const a of list || []) {
      const old = state.alerts.get(a.rule);
      if (!old || a.seq > old.seq) {
        state.alerts.set(a.rule, a);
        any = true;
      }
    }
    if (any) changed(false);
  }

  async function seedAlerts() {
    try {
      const a = await api.get('/api/performance/alerts');
      putAlerts((a.history || []).concat(a.active || []));
    } catch (e) {
      failed(e); // alerts then come from the stream only
    }
  }

  function setConnection(c) {
    if (state.connection !== c) {
      state.connection = c;
      changed(false);
    }
  }

  function connect() {
    retryTimer = null;
    if (!running) return;
    if (transport === 'poll' || typeof EventSource === 'undefined') {
      startPolling();
      return;
    }
    setConnection(attempt === 0 ? 'connecting' : 'reconnecting');
    const url = '/api/events' + query({last_event_id: state.lastEventId});
    const es = new EventSource(url);
    source = es;
    state.streamsOpened++;
    es.onopen = () => {
      attempt = 0;
      synced();
      stopPolling();
      setConnection('live');
      if (!snapshotTaken) snapshot();
      seedAlerts(); // changes while the stream was down have no id to resume from
    };
    es.addEventListener('job', (m) => {
      if (m.lastEventId) state.lastEventId = m.lastEventId;
      applyEvent(JSON.parse(m.data));
    });
    es.addEventListener('alert', (m) => putAlerts([JSON.parse(m.data)]));
    es.addEventListener('summary', (m) => {
      state.syncedAt = Date.now();
      state.summary = JSON.parse(m.data);
      changed(false);
    });
    es.onerror = () => {
      // The browser would retry by itself only after network errors; take over in every case so
      // that the backoff and the polling fallback are ours.
      es.close();
      if (source !== es) return;
      if (state.connection === 'live') state.syncedAt = Date.now(); // current until this moment
      source = null;
      attempt++;
      startPolling();
      const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** (attempt - 1));
      retryTimer = setTimeout(connect, base / 2 + Math.random() * base / 2);
    };
  }

  async function poll() {
    try {
      const page = await api.get('/api/jobs/status' + query({limit: 200}));
      applyListing(page);
      snapshotTaken = true;
      seedAlerts();
    } catch (e) {
      failed(e); // keep polling; a 401 sends the page back to sign-in through the api module
    }
  }

  function startPolling() {
    if (pollTimer != null || !running) return;
    setConnection('polling');
    poll();
    pollTimer = setInterval(poll, POLL_MS);
  }

  function stopPolling() {
    if (pollTimer != null) clearInterval(pollTimer);
    pollTimer = null;
  }

  /** What the api module reports after each request: an answer came, or none did. */
  function reachable(ok) {
    if (ok === state.reachable) return;
    state.reachable = ok;
    if (ok) {
      state.online++;
      // Back from an outage: reconnect now rather than after the backoff, and list the jobs again
      // (a stream without a last event id to resume from would miss what happened meanwhile).
      if (running && source == null && transport !== 'poll' && typeof EventSource !== 'undefined') {
        if (retryTimer != null) clearTimeout(retryTimer);
        connect();
      }
      if (running) snapshot();
    }
    changed(false);
  }

  const filterKey = (f) => JSON.stringify([f.status || '', f.type || '', f.sku || '', f.batch || '']);

  return {
    state,
    reachable,

    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },

    start() {
      if (running) return;
      running = true;
      connect();
    },

    stop() {
      running = false;
      if (source) source.close();
      source = null;
      if (retryTimer != null) clearTimeout(retryTimer);
      retryTimer = null;
      stopPolling();
      state.connection = 'idle';
    },

    /** Known jobs' ids, newest first. */
    ordered() {
      if (fresh.length || removed) {
        order = mergeNewestFirst(fresh.sort(newestFirst), order, state.jobs);
        fresh = [];
        removed = false;
      }
      return order;
    },

    /** Fetches the next page of jobs matching a filter from the server into the store. */
    async loadMore(filter = {}) {
      const key = filterKey(filter);
      const cursor = cursors.get(key);
      if (cursor === '') return false;
      const page = await api.get('/api/jobs/status' + query({
        limit: PAGE, status: filter.status, type: filter.type, sku: filter.sku, batch: filter.batch, cursor,
      }));
      cursors.set(key, page.next_cursor || '');
      applyListing(page);
      return !!page.next_cursor;
    },

    /** Loads the first page for a filter unless it was loaded before. */
    async ensure(filter = {}) {
      if (!cursors.has(filterKey(filter))) await this.loadMore(filter);
    },

    hasMore(filter = {}) {
      return cursors.get(filterKey(filter)) !== '';
    },

    /** Jobs an upload or submission just created: shown at once, before any event. */
    addSubmitted(batchId, jobIds, type) {
      for (const id of jobIds) {
        if (!state.jobs.has(id)) put({id, batch_id: batchId, status: 'pending', type});
      }
      changed(true);
    },

    /** After a bulk change the server answered (clear, cancel): refresh counts and the first page. */
    refresh: snapshot,

    /** Alerts raised now, newest first. */
    activeAlerts() {
      return [...state.alerts.values()].filter((a) => a.state === 'raised').sort((a, b) => b.seq - a.seq);
    },

    job: (id) => state.jobs.get(id),
    batch: (id) => state.batches.get(id) || emptyCounts(),
  };
}
