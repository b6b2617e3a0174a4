// Validation and rescoring: start them from the page, follow them in the queue, read their
// reports. Route: #/reports (form and list) and #/reports/<job id> (one report).

import {h} from 'preact';
import {useState} from 'preact/hooks';
import {api, seg} from '../api.js';
import {Freshness, storeLoad, useJob, useRecentJobs} from '../load.js';
import {Name} from '../parts/name.js';
import {DatasetPicker, useDatasets} from './results.js';

const TYPES = ['validation', 'rescoring'];
const fmt = (v) => (v == null ? '–' : typeof v === 'number' ? Number(v.toPrecision(5)).toString() : String(v));

function Table({rows, columns, id}) {
  if (!rows || !rows.length) return h('p', {class: 'muted'}, 'No rows.');
  return h('div', {class: 'table-wrap'}, h('table', {class: 'grid', id},
    h('thead', null, h('tr', null, columns.map((c) => h('th', {key: c, scope: 'col'}, c)))),
    h('tbody', null, rows.map((r, i) => h('tr', {key: i}, columns.map((c) =>
      h('td', {key: c, class: typeof r[c] === 'number' ? 'num' : ''}, c === 'sku' ? h(Name, {text: fmt(r[c])}) : fmt(r[c]))))))));
}

/** One job's report; `load` is the view's useJob. */
function Report({load}) {
  const job = load.data;
  if (!job) return load.error ? null : h('p', {class: 'muted'}, 'Loading…');
  const r = job.result;
  return h('section', {class: 'card report', 'aria-label': 'Report'},
    h('h2', null, `${job.type} report `, h('span', {class: 'muted'}, job.sku ? h(Name, {text: job.sku}) : '')),
    h('p', null, `Status: ${job.status}`, job.error ? ` — ${job.error}` : ''),
    !r && h('p', {class: 'muted'}, 'The report appears when the job has finished.'),
    r && r.aggregate && h('div', null, h('h3', null, `Per model (horizon ${r.horizon})`),
      h(Table, {rows: r.aggregate, columns: ['model', 'skus', 'smape', 'mase', 'bias'], id: 'report-aggregate'}),
      h('h3', null, 'Per SKU'),
      h(Table, {rows: (r.per_sku || []).slice(0, 1000), columns: ['sku', 'model', 'smape', 'mase', 'bias', 'folds', 'failure']})),
    r && r.skus && h('div', null, h('h3', null, 'Per SKU'),
      h(Table, {rows: r.skus, columns: ['sku', 'model', 'score', 'previous_score', 'flagged'], id: 'report-skus'})));
}

export function ReportsView({store, params, navigate}) {
  const [type, setType] = useState('validation');
  const [dataset, setDataset] = useState('');
  const [source, setSource] = useState('');
  const [models, setModels] = useState('');
  const [horizon, setHorizon] = useState(12);
  const [threshold, setThreshold] = useState(0.2);
  const [error, setError] = useState('');
  const [note, setNote] = useState('');
  const jobId = params[0] || '';
  const datasets = useDatasets(store);
  const job = useJob(store, jobId);
  const recent = useRecentJobs(store, TYPES, 200);
  const jobs = recent.jobs;

  const submit = async (e) => {
    e.preventDefault();
    setError('');
    setNote('');
    const body = {dataset_id: dataset, type, horizon: Number(horizon), reason: 'web page'};
    if (type === 'validation' && models.trim()) body.models = models.split(',').map((m) => m.trim()).filter(Boolean);
    if (type === 'rescoring') {
      body.threshold = Number(threshold);
      if (source) body.source_dataset_id = source;
    }
    try {
      const r = await api.postJson('/api/jobs', body);
      store.addSubmitted(r.batch_id, r.job_ids, type);
      setNote(`${r.job_ids.length} ${type} job(s) created`);
      if (r.job_ids.length === 1) navigate(`reports/${seg(r.job_ids[0])}`);
    } catch (err) {
      setError(err.message);
    }
  };

  return h('div', {class: 'view reports'},
    h('h1', null, 'Validation and rescoring'),
    h(Freshness, {store, loads: [datasets, job, storeLoad(store)]}),
    h('form', {class: 'card', onSubmit: submit, 'aria-label': 'Start a validation or rescoring job'},
      h('div', {class: 'row'},
        h('label', null, 'Job ', h('select', {name: 'job-type', value: type, onChange: (e) => setType(e.currentTarget.value)},
          h('option', {value: 'validation'}, 'validation: backtest models'),
          h('option', {value: 'rescoring'}, 'rescoring: refit stored best models on new data'))),
        h(DatasetPicker, {datasets, value: dataset, onChange: setDataset, name: 'report-dataset'}),
        h('label', null, 'Horizon ', h('input', {type: 'number', min: 1, max: 1000, value: horizon, name: 'report-horizon',
          onInput: (e) => setHorizon(e.currentTarget.value)}))),
      type === 'validation' && h('label', null, 'Models (comma-separated; empty: each SKU\'s stored best model) ',
        h('input', {type: 'text', value: models, name: 'report-models', onInput: (e) => setModels(e.currentTarget.value)})),
      type === 'rescoring' && h('div', {class: 'row'},
        h(DatasetPicker, {datasets, value: source, onChange: setSource, label: 'Best models from', name: 'report-source'}),
        h('label', null, 'Flag when error grows by more than ',
          h('input', {type: 'number', step: '0.05', min: 0, value: threshold, name: 'report-threshold',
            onInput: (e) => setThreshold(e.currentTarget.value)}))),
      h('button', {type: 'submit', disabled: !dataset}, 'Start'),
      note && h('p', {class: 'note', role: 'status'}, note),
      error && h('p', {class: 'error-text', role: 'alert'}, error)),
    jobId && h(Report, {load: job}),
    h('section', {class: 'card'}, h('h2', null, 'Recent validation and rescoring jobs'),
      recent.error && h('p', {class: 'error-text', role: 'alert'}, `Could not load the recent jobs: ${recent.error.message}`),
      jobs.length === 0 ? h('p', {class: 'muted'}, 'None yet.')
        : h('ul', {class: 'report-list'}, jobs.map((j) => h('li', {key: j.id},
          h('a', {href: `#/reports/${seg(j.id)}`}, `${j.type} · `, h(Name, {text: j.sku || j.id.slice(0, 8)})), ' ',
          h('span', {class: 'badge s-' + j.status}, j.status))))));
}
