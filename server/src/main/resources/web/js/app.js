// The app shell: sign-in, header (navigation, live connection state, overall progress, the
// queue popup's button), the current view, and the queue popup. It creates the page's ONE store
// (one event stream) and passes it down; every panel re-renders from it.

import {h, render} from 'preact';
import {useEffect, useRef, useState} from 'preact/hooks';
import {api, probeSession, setReachabilityHandler, setUnauthorizedHandler} from './api.js';
import {Freshness, storeLoad} from './load.js';
import {Name} from './parts/name.js';
import {createStore} from './store.js';
import {views} from './views/registry.js';
import {QueuePanel, percent} from './views/queue.js';

const transport = new URLSearchParams(location.search).get('transport') === 'poll' ? 'poll' : 'stream';
const store = createStore({transport});
window.gridcast = {store}; // for the browser tests and the curious: read-only use
setReachabilityHandler(store.reachable);

const PROBE_RETRY_MS = 2000;

/**
 * The route in the address: #/<view id>/<params...>, params decoded. An address that does not
 * decode (a stray `%`) opens the view without params and says so; the page stays usable.
 */
function parseRoute(hash = location.hash) {
  const parts = hash.replace(/^#\/?/, '').split('/').filter((p) => p !== '');
  const view = views.find((v) => v.id === parts[0]) || views[0];
  try {
    return {view, params: parts.slice(1).map(decodeURIComponent), error: null};
  } catch (e) {
    return {view, params: [], error: {hash, message: e.message}};
  }
}

function SignIn({onDone}) {
  const [token, setToken] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e) => {
    e.preventDefault();
    const form = e.currentTarget;
    setBusy(true);
    setError('');
    try {
      await api.signIn(form.elements.token.value.trim());
      onDone();
    } catch (err) {
      setError(err.status === 401 ? 'That token is not valid (or was revoked).' : err.message);
    } finally {
      setBusy(false);
    }
  };
  return h('main', {class: 'signin'},
    h('form', {class: 'card', onSubmit: submit, 'aria-label': 'Sign in'},
      h('h1', null, 'Gridcast'),
      h('label', {for: 'token'}, 'API token'),
      h('input', {id: 'token', name: 'token', type: 'password', autocomplete: 'current-password', required: true,
        value: token, onInput: (e) => setToken(e.currentTarget.value), autofocus: true}),
      h('p', {class: 'muted'}, 'The token of your user (gridcast user add NAME prints it; the first admin\'s is in data/admin.token).'),
      h('button', {type: 'submit', disabled: busy, id: 'signin-submit'}, busy ? 'Signing in…' : 'Sign in'),
      error && h('p', {class: 'error-text', role: 'alert'}, error)));
}

const CONNECTION = {
  live: 'Live', connecting: 'Connecting…', reconnecting: 'Reconnecting…', polling: 'Polling', idle: 'Offline',
};
const connection = (s) => (s.reachable ? s.connection : 'unreachable');
const CONNECTION_UNREACHABLE = 'Server unreachable';

function Shell({onSignOut}) {
  const [, setTick] = useState(0);
  const [route, setRoute] = useState(parseRoute());
  const [queueOpen, setQueueOpen] = useState(false);
  const wasOpen = useRef(false);
  const [lastUpload, setLastUpload] = useState(null);

  useEffect(() => {
    const off = store.subscribe((st) => setTick(st.version));
    store.start();
    const onHash = () => setRoute(parseRoute());
    window.addEventListener('hashchange', onHash);
    return () => {
      off();
      window.removeEventListener('hashchange', onHash);
    };
  }, []);
  useEffect(() => {
    // The popup takes the focus when it opens and gives it back to its button when it closes.
    if (wasOpen.current !== queueOpen) {
      const target = document.getElementById(queueOpen ? 'queue-popup-title' : 'queue-toggle');
      if (target && (queueOpen || document.activeElement === document.body)) target.focus();
      wasOpen.current = queueOpen;
    }
    const onKey = (e) => {
      if (e.key === 'Escape' && queueOpen) setQueueOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [queueOpen]);

  const s = store.state;
  const navigate = (path) => {
    location.hash = '#/' + path;
  };
  const session = {
    user: localStorage.getItem('gridcast.user'), role: localStorage.getItem('gridcast.role'), lastUpload, setLastUpload,
  };
  const alerts = store.activeAlerts();
  const {pct, total} = percent(s.summary);
  const View = route.view.component;

  return h('div', {class: 'shell'},
    h('a', {class: 'skip', href: '#main'}, 'Skip to content'),
    h('header', {class: 'top'},
      h('span', {class: 'brand'}, 'Gridcast'),
      h('nav', {'aria-label': 'Views'}, h('ul', null, views.map((v) => h('li', {key: v.id},
        h('a', {href: '#/' + v.id, 'aria-current': v === route.view ? 'page' : undefined}, v.title))))),
      h('span', {class: 'conn c-' + connection(s), id: 'connection', role: 'status'},
        s.reachable ? CONNECTION[s.connection] : CONNECTION_UNREACHABLE),
      h('button', {type: 'button', class: 'queue-toggle', id: 'queue-toggle', 'aria-expanded': String(queueOpen),
        'aria-controls': 'queue-popup', onClick: () => setQueueOpen(!queueOpen)},
      `Queue ${s.summary.running} running · ${s.summary.pending} pending · ${total ? pct + '%' : '–'}`),
      alerts.length > 0 && h('a', {class: 'alert-badge', id: 'alert-badge', href: '#/performance',
        title: alerts.map((a) => a.message).join('\n')}, `${alerts.length} alert${alerts.length > 1 ? 's' : ''}`),
      h('span', {class: 'user muted'}, h(Name, {text: session.user || ''})),
      h('button', {type: 'button', class: 'small', onClick: onSignOut}, 'Sign out')),
    h('main', {id: 'main', tabIndex: -1},
      route.error && h('p', {class: 'error-text', role: 'alert', id: 'route-error'}, 'The address ',
        h(Name, {text: route.error.hash}), ` could not be read (${route.error.message}); showing ${route.view.title} without it.`),
      h(View, {store, state: s, params: route.params, navigate, session})),
    queueOpen && h('aside', {class: 'popup', id: 'queue-popup', role: 'dialog', 'aria-label': 'Job queue'},
      h('div', {class: 'popup-head'}, h('h2', {id: 'queue-popup-title', tabIndex: -1}, 'Queue'),
        h('button', {type: 'button', class: 'small', onClick: () => setQueueOpen(false), 'aria-label': 'Close queue'}, '×')),
      h(Freshness, {store, loads: [storeLoad(store)]}),
      h(QueuePanel, {store, navigate, idPrefix: 'popup'})));
}

function App() {
  const [signed, setSigned] = useState(null); // null: asking the server
  const [probeError, setProbeError] = useState('');
  useEffect(() => {
    setUnauthorizedHandler(() => {
      store.stop();
      setSigned(false);
    });
    let timer = null;
    const probe = () => probeSession().then((ok) => {
      setProbeError('');
      setSigned(ok);
    }, (e) => {
      setProbeError(e.message);
      timer = setTimeout(probe, PROBE_RETRY_MS);
    });
    probe();
    return () => clearTimeout(timer);
  }, []);
  const signOut = async () => {
    store.stop();
    try {
      await api.signOut();
    } catch {
      // signed out locally either way
    }
    location.reload(); // a fresh page: nothing of this user's state stays in memory
  };
  // After a session ended mid-use, start from a fresh page too (the store holds the old state).
  const done = () => (store.state.streamsOpened > 0 ? location.reload() : setSigned(true));
  if (signed === null) {
    return h('p', {class: 'boot', role: probeError ? 'alert' : undefined},
      probeError ? `Gridcast: ${probeError}; trying again every few seconds…` : 'Loading Gridcast…');
  }
  return signed ? h(Shell, {onSignOut: signOut}) : h(SignIn, {onDone: done});
}

render(h(App, null), document.getElementById('app'));
