// What views load from the API, and how fresh it is. A view's data stays on screen when a later
// load fails: marked stale with the time it was loaded ("last updated 12:03:04, server
// unreachable") while the server does not answer, and loaded again as soon as it answers (the
// store's `online` bumps). Errors are shown, never swallowed. The last answer for each key is
// remembered for the page's lifetime (a few dozen keys), so a view opened during an outage shows
// what it last loaded rather than nothing.

import {h} from 'preact';
import {useEffect, useMemo, useState} from 'preact/hooks';
import {UNREACHABLE, api, seg} from './api.js';

const REMEMBERED = 40;
const remembered = new Map(); // key -> {data, at}, oldest first
const NOTHING = {data: null, at: null};

function remember(key, entry) {
  remembered.delete(key);
  remembered.set(key, entry);
  if (remembered.size > REMEMBERED) remembered.delete(remembered.keys().next().value);
}

const lastOf = (key) => (key == null ? NOTHING : remembered.get(key) || NOTHING);

/**
 * Loads `fetcher()` for `key` (null: nothing to load): when the key changes, when the server
 * answers again after an outage, on `reload()`, when a value of `refresh` changes and, with
 * `every` ms, periodically while the tab is visible. Returns {data, at, error, reload}: `data` is
 * the last answer for this key, kept when a later load fails; `at` its time (ms); `error` the
 * last load's failure, null once a load succeeds.
 */
export function useLoad(store, key, fetcher, {every = 0, refresh = []} = {}) {
  const [loaded, setLoaded] = useState({key: null, ...NOTHING, error: null});
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (key == null) return undefined;
    let alive = true;
    const run = () => fetcher().then((data) => {
      if (!alive) return;
      const entry = {data, at: Date.now()};
      remember(key, entry);
      setLoaded({key, ...entry, error: null});
    }, (error) => {
      if (alive) setLoaded({key, ...lastOf(key), error});
    });
    run();
    const timer = every > 0 ? setInterval(() => document.hidden || run(), every) : null;
    return () => {
      alive = false;
      if (timer != null) clearInterval(timer);
    };
  }, [key, store.state.online, tick, ...refresh]);
  const current = loaded.key === key ? loaded : {...lastOf(key), error: null};
  return {data: current.data, at: current.at, error: current.error, reload: () => setTick((t) => t + 1)};
}

/** The store's job state as one of a view's loads: current as of its last contact. */
export function storeLoad(store) {
  const s = store.state;
  return {data: s.syncedAt, at: s.syncedAt, error: s.problem ? {message: s.problem} : null};
}

const two = (n) => String(n).padStart(2, '0');

/** HH:MM:SS of a time in ms, local time. */
export function clock(ms) {
  const d = new Date(ms);
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

const reason = (e) => (e.code === UNREACHABLE ? 'server unreachable' : e.message);

/**
 * The line under a view's title that says how fresh its data is: nothing while every load is
 * current; "last updated HH:MM:SS, <why>" (the oldest data shown) while some is stale because the
 * server is unreachable or a refresh failed; the error alone when there is nothing to show.
 */
export function Freshness({store, loads}) {
  const failed = loads.find((l) => l.error);
  const why = failed ? reason(failed.error) : store.state.reachable ? null : 'server unreachable';
  if (!why) return null;
  const shown = loads.filter((l) => l.data != null && l.at != null);
  if (!shown.length) return h('p', {class: 'error-text freshness', role: 'alert'}, why);
  const oldest = Math.min(...shown.map((l) => l.at));
  return h('p', {class: 'stale freshness', role: 'status'}, `last updated ${clock(oldest)}, ${why}`);
}

/** A job's full record (GET /api/jobs/{id}), loaded again whenever the store sees its status change. */
export function useJob(store, jobId) {
  const live = jobId ? store.job(jobId) : null;
  return useLoad(store, jobId ? 'job:' + jobId : null, () => api.get(`/api/jobs/${seg(jobId)}`),
    {refresh: [live ? live.status : null]});
}

/**
 * The store's jobs of the given types, newest first (at most `max`), after asking the server for
 * the first page of each type (again when it answers after an outage). Returns {jobs, error}.
 */
export function useRecentJobs(store, types, max) {
  const s = store.state;
  const [error, setError] = useState(null);
  useEffect(() => {
    setError(null);
    Promise.all(types.map((type) => store.ensure({type}))).catch(setError);
  }, [s.online]);
  const jobs = useMemo(() => store.ordered()
    .map((id) => s.jobs.get(id))
    .filter((j) => j && types.includes(j.type))
    .slice(0, max), [s.version]);
  return {jobs, error};
}
