// Forecast: upload a CSV (drag and drop or file picker) with horizon and model choices; the jobs
// it created appear at once (the upload's answer lists them) and then move with the event stream.

import {h} from 'preact';
import {useState} from 'preact/hooks';
import {api, query, seg} from '../api.js';
import {Freshness, storeLoad, useLoad} from '../load.js';
import {Name} from '../parts/name.js';
import {QueuePanel} from './queue.js';

/** The frequencies the upload form offers: inference, then every frequency by its pandas name. */
export const FREQUENCIES = [
  ['', 'Infer from the data'],
  ['1min', '1min (every minute)'], ['5min', '5min'], ['10min', '10min'], ['15min', '15min'], ['30min', '30min'],
  ['h', 'h (hourly)'], ['D', 'D (daily)'], ['B', 'B (business days)'],
  ['W-MON', 'W-MON (weekly, Monday)'], ['W-TUE', 'W-TUE'], ['W-WED', 'W-WED'], ['W-THU', 'W-THU'],
  ['W-FRI', 'W-FRI'], ['W-SAT', 'W-SAT'], ['W-SUN', 'W-SUN (weekly, Sunday)'],
  ['MS', 'MS (month starts)'], ['ME', 'ME (month ends)'],
  ['QS', 'QS (quarter starts)'], ['QE', 'QE (quarter ends)'],
  ['YS', 'YS (year starts)'], ['YE', 'YE (year ends)'],
  ['index', 'index (integer ds)'],
];

/** What fills a missing value inside a series; the server refuses gaps by default. */
export const FILLS = [
  ['none', 'Refuse gaps (name the missing stamps)'],
  ['zero', 'Fill with zero'],
  ['previous', 'Carry the previous value'],
  ['linear', 'Interpolate linearly'],
];

const loadModels = () => api.get('/api/models').then((r) => r.models.map((m) => m.name));
const loadPresets = () => api.get('/api/models').then((r) => r.presets || []);
const loadDatasets = () => api.get('/api/datasets' + query({limit: 20})).then((r) => r.datasets);

export function ForecastView({store, navigate, session}) {
  const [file, setFile] = useState(null);
  const [horizon, setHorizon] = useState(12);
  const [chosen, setChosen] = useState(new Set());
  const [metric, setMetric] = useState('');
  const [preset, setPreset] = useState('');
  const [frequency, setFrequency] = useState('');
  const [fill, setFill] = useState('none');
  const [levels, setLevels] = useState('80,95');
  const [dragging, setDragging] = useState(false);
  const [future, setFuture] = useState(null);
  const [draggingFuture, setDraggingFuture] = useState(false);
  const [holidays, setHolidays] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const last = session.lastUpload;
  const modelsLoad = useLoad(store, 'models', loadModels);
  const datasetsLoad = useLoad(store, 'datasets:20', loadDatasets, {refresh: [last && last.dataset_id]});
  const presetsLoad = useLoad(store, 'presets', loadPresets);
  const models = modelsLoad.data || [];
  const presets = presetsLoad.data || [];
  const datasets = datasetsLoad.data || [];

  const pick = (files) => {
    if (files && files.length) setFile(files[0]);
  };
  const toggle = (m) => {
    const next = new Set(chosen);
    if (next.has(m)) next.delete(m); else next.add(m);
    setChosen(next);
  };

  const submit = async (e) => {
    e.preventDefault();
    if (!file) {
      setError('Choose a CSV file first');
      return;
    }
    setBusy(true);
    setError('');
    const level = levels.replace(/\s+/g, '') === '80,95' ? '' : levels;
    try {
      let r;
      if (future) {
        // covariates: the history, then their future values, then the jobs
        const up = await api.upload('/api/datasets' + query({name: file.name, frequency, fill}), file);
        await api.upload(`/api/datasets/${seg(up.dataset_id)}/future` + query({horizon}), future);
        const job = {dataset_id: up.dataset_id, horizon: Number(horizon)};
        if (chosen.size) job.models = Array.from(chosen);
        else if (preset) job.preset = preset;
        if (metric) job.metric = metric;
        if (holidays) job.holidays = holidays;
        if (level) job.level = level.split(',').map(Number);
        const created = await api.postJson('/api/jobs', job);
        r = {...up, batch_id: created.batch_id, job_ids: created.job_ids, future: future.name};
      } else {
        r = await api.upload('/api/datasets' + query({
          optimize: 'true', horizon, metric, models: Array.from(chosen).join(','), name: file.name,
          preset: chosen.size ? '' : preset, frequency, fill, level, holidays,
        }), file);
      }
      store.addSubmitted(r.batch_id, r.job_ids, 'optimization');
      session.setLastUpload({...r, name: file.name});
    } catch (err) {
      const d = err.details || {};
      if (err.code === 'missing_future_covariates' && !future) {
        setError(`${err.message} — drop their future values in the second zone`);
        return;
      }
      const where = [d.line && `line ${d.line}`, d.column && `column ${d.column}`, d.sku && `SKU ${d.sku}`,
        d.ds && `ds ${d.ds}`].filter(Boolean).join(', ');
      setError(err.message + (where && !err.message.startsWith('line ') ? ` (${where})` : ''));
    } finally {
      setBusy(false);
    }
  };

  return h('div', {class: 'view forecast'},
    h('h1', null, 'Forecast'),
    h(Freshness, {store, loads: [modelsLoad, datasetsLoad, storeLoad(store)]}),
    h('form', {class: 'card upload', onSubmit: submit, 'aria-label': 'Upload demand history'},
      h('label', {
        class: 'drop' + (dragging ? ' over' : ''), for: 'csv-file',
        onDragOver: (e) => { e.preventDefault(); setDragging(true); },
        onDragLeave: () => setDragging(false),
        onDrop: (e) => { e.preventDefault(); setDragging(false); pick(e.dataTransfer.files); },
      },
      h('strong', null, file ? h(Name, {text: file.name}) : 'Drop a CSV file here'),
      h('span', {class: 'muted'}, file ? ` (${file.size.toLocaleString()} bytes)` : ' or choose one: columns unique_id, ds, y'),
      h('input', {id: 'csv-file', type: 'file', accept: '.csv,text/csv', class: 'file',
        onChange: (e) => pick(e.currentTarget.files)})),
      // Future covariates: a second file with unique_id, ds and the history's extra columns
      h('label', {
        class: 'drop future' + (draggingFuture ? ' over' : ''), for: 'future-file', id: 'future-drop',
        onDragOver: (e) => { e.preventDefault(); setDraggingFuture(true); },
        onDragLeave: () => setDraggingFuture(false),
        onDrop: (e) => {
          e.preventDefault();
          setDraggingFuture(false);
          if (e.dataTransfer.files.length) setFuture(e.dataTransfer.files[0]);
        },
      },
      h('strong', null, future ? h(Name, {text: future.name}) : 'Future covariates (optional)'),
      h('span', {class: 'muted'}, future
        ? ` (${future.size.toLocaleString()} bytes)`
        : ' drop a CSV of unique_id, ds and the extra columns (price, promo, …) for the horizon'),
      h('input', {id: 'future-file', type: 'file', accept: '.csv,text/csv', class: 'file',
        onChange: (e) => e.currentTarget.files.length && setFuture(e.currentTarget.files[0])})),
      h('div', {class: 'row'},
        h('label', null, 'Horizon ',
          h('input', {type: 'number', name: 'horizon', min: 1, max: 1000, value: horizon, required: true,
            onInput: (e) => setHorizon(e.currentTarget.value)})),
        h('label', null, 'Metric ',
          h('select', {name: 'metric', value: metric, onChange: (e) => setMetric(e.currentTarget.value)},
            h('option', {value: ''}, 'default (sMAPE; RMSE if intermittent)'),
            ['smape', 'mae', 'rmse', 'mape', 'mase'].map((m) => h('option', {key: m, value: m}, m)))),
        h('label', null, 'Preset ',
          h('select', {name: 'preset', value: preset, disabled: chosen.size > 0,
            title: chosen.size ? 'The chosen models replace the preset' : '',
            onChange: (e) => setPreset(e.currentTarget.value)},
            h('option', {value: ''}, 'default (fast)'),
            presets.filter((p) => p.name !== 'default').map((p) =>
              h('option', {key: p.name, value: p.name, title: p.description}, p.name)))),
        h('label', null, 'Frequency ',
          h('select', {name: 'frequency', value: frequency, onChange: (e) => setFrequency(e.currentTarget.value)},
            FREQUENCIES.map(([v, t]) => h('option', {key: v, value: v}, t)))),
        h('label', null, 'Gaps ',
          h('select', {name: 'fill', value: fill, onChange: (e) => setFill(e.currentTarget.value)},
            FILLS.map(([v, t]) => h('option', {key: v, value: v}, t)))),
        h('label', null, 'Holidays ',
          h('input', {type: 'text', name: 'holidays', value: holidays, size: 6, placeholder: 'US, DE-BY',
            title: 'Public holidays as covariates: a country or country-region; country uses each series\' country column',
            onInput: (e) => setHolidays(e.currentTarget.value.trim())})),
        h('label', null, 'Interval levels (%) ',
          h('input', {type: 'text', name: 'level', value: levels, size: 10, pattern: '[0-9., ]+',
            onInput: (e) => setLevels(e.currentTarget.value)}))),
      h('details', {class: 'models'},
        h('summary', null, chosen.size ? `Models: ${Array.from(chosen).join(', ')}` : 'Models: default selection'),
        h('fieldset', null, h('legend', null, 'Search only these models (none chosen: the default selection)'),
          models.map((m) => h('label', {key: m, class: 'check'},
            h('input', {type: 'checkbox', checked: chosen.has(m), onChange: () => toggle(m), value: m}), ' ' + m)))),
      h('button', {type: 'submit', disabled: busy, id: 'upload-submit'}, busy ? 'Uploading…' : 'Upload and forecast'),
      error && h('p', {class: 'error-text', role: 'alert'}, error)),
    last && h('section', {class: 'card batch', 'aria-label': 'Last upload'},
      h('h2', null, 'Last upload: ', h(Name, {text: last.name})),
      h('p', {id: 'upload-answer'},
        `${last.series_count} series, ${last.row_count} rows, frequency ${last.frequency}`
        + (last.filled ? `, ${last.filled} missing values filled (${last.fill})` : '')
        + (last.covariates && last.covariates.length ? `, covariates ${last.covariates.join(', ')}` : '')
        + (last.future ? ` (future values from ${last.future})` : '')
        + (last.ignored_columns && last.ignored_columns.length ? `, ignored columns ${last.ignored_columns.join(', ')}` : '')
        + `; ${last.job_ids.length} jobs created `,
        h('a', {href: `#/results/${seg(last.dataset_id)}`}, 'Results'), ' · ',
        h('a', {href: `/api/datasets/${seg(last.dataset_id)}/forecasts?format=csv`,
          download: `forecasts-${last.dataset_id}.csv`}, 'Download forecasts (CSV)')),
      h(QueuePanel, {store, navigate, batch: last.batch_id, idPrefix: 'batch'})),
    datasets.length > 0 && h('section', {class: 'card'},
      h('h2', null, 'Datasets'),
      h('ul', {class: 'datasets'}, datasets.map((d) => h('li', {key: d.id},
        h('a', {href: `#/results/${seg(d.id)}`}, h(Name, {text: d.name || d.id})), ' ',
        h('span', {class: 'muted'}, `version ${d.version} · ${d.series_count} series · ${d.created_at || ''}`))))));
}
