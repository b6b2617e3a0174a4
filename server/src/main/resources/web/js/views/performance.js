// Performance: live charts of CPU, memory, throughput and latency (GET /api/performance/history,
// polled while the view is open and the tab visible: figures, not job state), the result cache's
// figures, the active alerts (from the store, which keeps them from the page's one event stream),
// sampling start/stop for admins, and benchmark and profile jobs with their reports. Route:
// #/performance and #/performance/<job id> (one benchmark or profile report).

import {h} from 'preact';
import {useEffect, useMemo, useRef, useState} from 'preact/hooks';
import {api, seg} from '../api.js';
import {Freshness, storeLoad, useJob, useLoad, useRecentJobs} from '../load.js';
import {TimeChart} from '../parts/time-chart.js';

const POLL_MS = 2000;
const TYPES = ['benchmark', 'profile'];
const MIB = 1024 * 1024;
const num = (v, digits = 4) => (v == null ? '–' : Number(Number(v).toPrecision(digits)).toString());
const bytes = (b) => (b == null ? '–' : b >= MIB ? `${num(b / MIB, 3)} MiB` : `${num(b / 1024, 3)} KiB`);
const pct = (r) => (r == null ? '–' : `${num(r * 100, 3)}%`);
const time = (iso) => (iso ? new Date(iso).toLocaleTimeString() : '');

/** Columns for the four charts from the history's points (oldest first). */
export function chartColumns(samples) {
  const x = [];
  const col = () => [];
  const c = {cpu: col(), pcpu: col(), rss: col(), heap: col(), jobs: col(), reqs: col(), mean: col(), slow: col()};
  for (const p of samples) {
    const s = p.system || {};
    const a = p.application || {};
    x.push(Date.parse(s.at) / 1000);
    c.cpu.push(s.cpu_percent ?? null);
    c.pcpu.push(s.process_cpu_percent ?? null);
    c.rss.push(s.process_resident_bytes == null ? null : s.process_resident_bytes / MIB);
    c.heap.push(s.heap_used_bytes == null ? null : s.heap_used_bytes / MIB);
    c.jobs.push(a.jobs_per_second ?? null);
    c.reqs.push(a.requests_per_second ?? null);
    c.mean.push(a.mean_request_seconds == null ? null : a.mean_request_seconds * 1000);
    c.slow.push(a.slowest_request_seconds == null ? null : a.slowest_request_seconds * 1000);
  }
  return {
    cpu: [x, c.cpu, c.pcpu], memory: [x, c.rss, c.heap], throughput: [x, c.jobs, c.reqs], latency: [x, c.mean, c.slow],
  };
}

function Charts({samples}) {
  const cols = useMemo(() => chartColumns(samples), [samples]);
  if (!samples.length) {
    return h('p', {class: 'muted', id: 'perf-no-samples'}, 'No samples yet: sampling is off or has just started.');
  }
  return h('div', {class: 'perf-charts'},
    h(TimeChart, {id: 'chart-cpu', title: 'CPU', unit: '%', data: cols.cpu,
      series: [{label: 'system', color: '#1f4e9c'}, {label: 'this process', color: '#b3261e'}]}),
    h(TimeChart, {id: 'chart-memory', title: 'Memory', unit: 'MiB', data: cols.memory,
      series: [{label: 'resident', color: '#1f4e9c'}, {label: 'heap used', color: '#1b6e3a'}]}),
    h(TimeChart, {id: 'chart-throughput', title: 'Throughput', unit: 'per s', data: cols.throughput,
      series: [{label: 'jobs/s', color: '#1b6e3a'}, {label: 'requests/s', color: '#1f4e9c'}]}),
    h(TimeChart, {id: 'chart-latency', title: 'Latency of API calls', unit: 'ms', data: cols.latency,
      series: [{label: 'mean', color: '#1f4e9c'}, {label: 'slowest', color: '#b3261e'}]}));
}

function Figure({label, value, field}) {
  return h('div', {class: 'count'}, h('dt', null, label), h('dd', {'data-field': field}, value));
}

function CachePanel({cache}) {
  if (!cache) return h('p', {class: 'muted'}, 'Loading…');
  if (!cache.enabled) return h('p', {class: 'muted', id: 'cache-off'}, 'The result cache is off.');
  const m = cache.memory || {};
  const d = cache.disk || {};
  return h('dl', {class: 'counts', id: 'cache-figures'},
    h(Figure, {label: 'hits', field: 'hits', value: String(cache.hits)}),
    h(Figure, {label: 'misses', field: 'misses', value: String(cache.misses)}),
    h(Figure, {label: 'hit rate', field: 'hit_rate', value: pct(cache.hit_rate)}),
    h(Figure, {label: 'evictions', field: 'evictions', value: String(cache.evictions)}),
    h(Figure, {label: 'memory entries', field: 'memory.entries', value: String(m.entries)}),
    h(Figure, {label: 'memory size', field: 'memory.bytes', value: bytes(m.bytes)}),
    h(Figure, {label: 'table entries', field: 'disk.entries', value: String(d.entries)}),
    h(Figure, {label: 'table size', field: 'disk.bytes', value: bytes(d.bytes)}));
}

function AlertList({alerts}) {
  if (!alerts.length) return h('p', {class: 'muted', id: 'alerts-none'}, 'No active alerts.');
  return h('ul', {class: 'alert-list', id: 'alerts-list'}, alerts.map((a) => h('li', {key: a.rule, 'data-rule': a.rule},
    h('span', {class: 'badge sev-' + a.severity}, a.severity), ' ',
    h('strong', null, a.rule), ': ', a.message, ' ', h('span', {class: 'muted'}, `since ${time(a.at)}`))));
}

function Sampling({status, onChanged}) {
  const running = status && status.monitoring && status.monitoring.running;
  const [interval, setIntervalValue] = useState('1');
  const [error, setError] = useState('');
  const call = async (path, body) => {
    setError('');
    try {
      await api.postJson(path, body);
      onChanged();
    } catch (e) {
      setError(e.message);
    }
  };
  const start = (e) => {
    e.preventDefault();
    call('/api/performance/monitoring/start', {interval_seconds: Number(interval)});
  };
  return h('form', {class: 'row', onSubmit: start, 'aria-label': 'Sampling'},
    h('span', {id: 'sampling-state', role: 'status'}, !status ? '…'
      : running ? `Sampling every ${status.monitoring.interval_seconds} s` : 'Sampling is off'),
    h('label', null, 'Interval (s) ', h('input', {type: 'number', name: 'sample-interval', min: 0.1, max: 3600, step: 0.1,
      value: interval, required: true, onInput: (e) => setIntervalValue(e.currentTarget.value)})),
    h('button', {type: 'submit', id: 'sampling-start'}, running ? 'Restart sampling' : 'Start sampling'),
    h('button', {type: 'button', class: 'small', id: 'sampling-stop', disabled: !running,
      onClick: () => call('/api/performance/monitoring/stop', {})}, 'Stop'),
    error && h('p', {class: 'error-text', role: 'alert'}, error));
}

function BenchmarkForm({store, navigate}) {
  const [f, setF] = useState({series: 20, length: 60, period: 12, iterations: 3, horizon: 6, models: ''});
  const [error, setError] = useState('');
  const field = (name, label, props = {}) => h('label', null, label + ' ',
    h('input', {type: 'number', name: 'bench-' + name, min: 1, value: f[name], required: true, ...props,
      onInput: (e) => setF({...f, [name]: e.currentTarget.value})}));
  const submit = async (e) => {
    e.preventDefault();
    setError('');
    const models = f.models.split(',').map((m) => m.trim()).filter(Boolean);
    try {
      const r = await api.postJson('/api/performance/benchmark', {
        generate: {series: Number(f.series), length: Number(f.length), period: Number(f.period)},
        models, iterations: Number(f.iterations), horizon: Number(f.horizon),
      });
      store.addSubmitted(null, [r.job_id], 'benchmark');
      navigate(`performance/${seg(r.job_id)}`);
    } catch (err) {
      setError(err.message);
    }
  };
  return h('form', {class: 'card', id: 'benchmark-form', onSubmit: submit, 'aria-label': 'Run a benchmark'},
    h('h2', null, 'Run a benchmark'),
    h('p', {class: 'muted'}, 'Times the optimizer on generated series (a job like any other).'),
    h('div', {class: 'row'}, field('series', 'Series'), field('length', 'Length'), field('period', 'Period'),
      field('iterations', 'Iterations', {max: 100}), field('horizon', 'Horizon')),
    h('label', null, 'Models (comma-separated; empty: the default search) ',
      h('input', {type: 'text', name: 'bench-models', value: f.models, onInput: (e) => setF({...f, models: e.currentTarget.value})})),
    h('button', {type: 'submit', id: 'benchmark-submit'}, 'Run benchmark'),
    error && h('p', {class: 'error-text', role: 'alert'}, error));
}

function ProfileForm({store, navigate}) {
  const [seconds, setSeconds] = useState(5);
  const [error, setError] = useState('');
  const submit = async (e) => {
    e.preventDefault();
    setError('');
    try {
      const r = await api.postJson('/api/performance/profile', {seconds: Number(seconds)});
      store.addSubmitted(null, [r.job_id], 'profile');
      navigate(`performance/${seg(r.job_id)}`);
    } catch (err) {
      setError(err.message);
    }
  };
  return h('form', {class: 'card', id: 'profile-form', onSubmit: submit, 'aria-label': 'Profile the worker'},
    h('h2', null, 'Profile'),
    h('p', {class: 'muted'}, 'Records the worker with JDK Flight Recorder; the report lists the hottest methods.'),
    h('label', null, 'Seconds ', h('input', {type: 'number', name: 'profile-seconds', min: 1, max: 600, value: seconds,
      required: true, onInput: (e) => setSeconds(e.currentTarget.value)})),
    h('button', {type: 'submit', id: 'profile-submit'}, `Profile ${seconds} seconds`),
    error && h('p', {class: 'error-text', role: 'alert'}, error));
}

function BenchmarkResult({r}) {
  const t = r.seconds || {};
  return h('dl', {class: 'counts', id: 'benchmark-result'},
    h(Figure, {label: 'series', field: 'series', value: String(r.series)}),
    h(Figure, {label: 'iterations', field: 'iterations', value: String(r.iterations)}),
    h(Figure, {label: 'min s', field: 'min', value: num(t.min)}),
    h(Figure, {label: 'median s', field: 'median', value: num(t.median)}),
    h(Figure, {label: 'p95 s', field: 'p95', value: num(t.p95)}),
    h(Figure, {label: 'max s', field: 'max', value: num(t.max)}),
    h(Figure, {label: 'series/s', field: 'series_per_second', value: num(r.series_per_second)}));
}

function ProfileResult({r}) {
  return h('div', {id: 'profile-result'},
    h('p', null, `${r.samples} samples in ${r.seconds} s. `,
      h('a', {href: r.download, download: '', id: 'profile-download'}, `Download the recording (.jfr, ${bytes(r.file_bytes)})`)),
    h('div', {class: 'table-wrap'}, h('table', {class: 'grid', id: 'profile-hottest'},
      h('thead', null, h('tr', null, ['method', 'samples', '%'].map((c) => h('th', {key: c, scope: 'col'}, c)))),
      h('tbody', null, (r.hottest || []).map((m, i) => h('tr', {key: i},
        h('td', {class: 'method'}, m.method), h('td', {class: 'num'}, String(m.samples)), h('td', {class: 'num'}, num(m.percent, 3))))))));
}

/** One benchmark's or profile's report; `load` is the view's useJob. */
function JobReport({jobId, load}) {
  const job = load.data;
  const heading = useRef(null);
  useEffect(() => {
    // A report opened from a form or the list below takes the focus, which scrolls it into view.
    if (heading.current) heading.current.focus();
  }, [jobId, job != null]);
  if (!job) return load.error ? null : h('p', {class: 'muted'}, 'Loading…');
  const r = job.result;
  return h('section', {class: 'card report', id: 'perf-report', 'aria-label': `${job.type} report`},
    h('h2', {ref: heading, tabIndex: -1}, `${job.type} report`),
    h('p', {id: 'perf-report-status'}, `Status: ${job.status}`, job.error ? ` — ${job.error}` : ''),
    !r && h('p', {class: 'muted'}, 'The report appears when the job has finished.'),
    r && job.type === 'benchmark' && h(BenchmarkResult, {r}),
    r && job.type === 'profile' && h(ProfileResult, {r}));
}

/** The figures the view polls: the history of samples, the cache's figures, the sampling status. */
async function loadFigures() {
  const [history, cache, status] = await Promise.all([
    api.get('/api/performance/history'), api.get('/api/cache/stats'), api.get('/api/performance/status')]);
  return {samples: history.samples || [], cache, status};
}

const NO_SAMPLES = [];

export function PerformanceView({store, params, navigate, session}) {
  const admin = session.role !== 'user';
  const jobId = params[0] || '';
  const figures = useLoad(store, 'performance-figures', loadFigures, {every: POLL_MS});
  const {samples, cache, status} = figures.data || {samples: NO_SAMPLES, cache: null, status: null};
  const job = useJob(store, jobId);
  const recent = useRecentJobs(store, TYPES, 50);
  const jobs = recent.jobs;
  const alerts = store.activeAlerts();

  return h('div', {class: 'view performance'},
    h('h1', null, 'Performance'),
    h(Freshness, {store, loads: [figures, job, storeLoad(store)]}),
    h('section', {class: 'card', 'aria-labelledby': 'alerts-title'},
      h('h2', {id: 'alerts-title'}, `Active alerts (${alerts.length})`),
      h(AlertList, {alerts})),
    h('section', {class: 'card', 'aria-labelledby': 'figures-title'},
      h('h2', {id: 'figures-title'}, 'Figures of this server process'),
      admin ? h(Sampling, {status, onChanged: figures.reload})
        : h('p', {class: 'muted', id: 'sampling-state'}, status && status.monitoring && status.monitoring.running
          ? `Sampling every ${status.monitoring.interval_seconds} s` : 'Sampling is off (an admin starts it).'),
      h(Charts, {samples})),
    h('section', {class: 'card', 'aria-labelledby': 'cache-title'},
      h('h2', {id: 'cache-title'}, 'Result cache'),
      h(CachePanel, {cache})),
    jobId && h(JobReport, {jobId, load: job}),
    h('div', {class: 'perf-forms'}, h(BenchmarkForm, {store, navigate}), admin && h(ProfileForm, {store, navigate})),
    h('section', {class: 'card'}, h('h2', null, 'Recent benchmarks and profiles'),
      recent.error && h('p', {class: 'error-text', role: 'alert'}, `Could not load the recent jobs: ${recent.error.message}`),
      jobs.length === 0 ? h('p', {class: 'muted'}, 'None yet.')
        : h('ul', {class: 'report-list'}, jobs.map((j) => h('li', {key: j.id},
          h('a', {href: `#/performance/${seg(j.id)}`}, `${j.type} · ${j.id.slice(0, 8)}`), ' ',
          h('span', {class: 'badge s-' + j.status}, j.status))))));
}
