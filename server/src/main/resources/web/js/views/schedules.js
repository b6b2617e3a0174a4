// Recurring jobs: the caller's schedules with their next and last fire times, a pause/resume
// button each, and a form that creates one. Route: #/schedules.

import {h} from 'preact';
import {useState} from 'preact/hooks';
import {api, seg} from '../api.js';
import {Freshness, useLoad} from '../load.js';
import {Name} from '../parts/name.js';
import {useDatasets} from './results.js';

const REFRESH_MS = 15000;
const TYPES = ['optimization', 'validation', 'rescoring'];
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** A fire time in the schedule's own zone and in the browser's, e.g. "2026-12-08 06:00 Europe/Berlin". */
function when(iso, zone) {
  if (!iso) return '–';
  const d = new Date(iso);
  const text = d.toLocaleString('sv-SE', {timeZone: zone, dateStyle: 'short', timeStyle: 'short'});
  return `${text} ${zone}`;
}

function ScheduleRow({s, onChanged}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const toggle = async () => {
    setBusy(true);
    setError('');
    try {
      await api.patchJson(`/api/schedules/${seg(s.id)}`, {paused: !s.paused});
      onChanged();
    } catch (e) {
      setError(e.message);
    } finally {
      setBusy(false);
    }
  };
  return h('tr', {'data-schedule': s.id},
    h('td', null, h(Name, {text: s.name})),
    h('td', null, h('code', null, s.cron)),
    h('td', null, h(Name, {text: s.dataset_name})),
    h('td', null, s.type),
    h('td', {class: 'next-fire'}, s.paused ? h('span', {class: 'badge s-cancelled'}, 'paused') : when(s.next_fire_at, s.time_zone)),
    h('td', {class: 'last-fire'}, when(s.last_fire_at, s.time_zone),
      s.last_error && h('span', {class: 'error-text'}, ` — ${s.last_error}`)),
    h('td', null,
      h('button', {type: 'button', class: 'small', disabled: busy, onClick: toggle,
        'aria-label': `${s.paused ? 'Resume' : 'Pause'} schedule ${s.name}`}, s.paused ? 'Resume' : 'Pause'),
      error && h('p', {class: 'error-text', role: 'alert'}, error)));
}

function NewSchedule({datasets, onCreated}) {
  const [error, setError] = useState('');
  const names = [...new Set((datasets.data || []).map((d) => d.name).filter(Boolean))].sort();
  const submit = async (e) => {
    e.preventDefault();
    setError('');
    const f = e.currentTarget.elements;
    let options;
    try {
      options = f['schedule-options'].value.trim() ? JSON.parse(f['schedule-options'].value) : {};
    } catch (err) {
      setError(`Options are not JSON: ${err.message}`);
      return;
    }
    try {
      await api.postJson('/api/schedules', {
        name: f['schedule-name'].value, cron: f['schedule-cron'].value, time_zone: f['schedule-zone'].value,
        dataset_name: f['schedule-dataset'].value, type: f['schedule-type'].value, options,
      });
      e.currentTarget.reset();
      onCreated();
    } catch (err) {
      const field = err.details && err.details.field ? `${err.details.field}: ` : '';
      setError(field + err.message);
    }
  };
  return h('form', {class: 'card', onSubmit: submit, 'aria-label': 'New schedule'},
    h('h2', null, 'New schedule'),
    h('div', {class: 'row'},
      h('label', null, 'Name ', h('input', {type: 'text', name: 'schedule-name', required: true})),
      h('label', null, 'Cron ', h('input', {type: 'text', name: 'schedule-cron', required: true, placeholder: '0 6 * * *',
        title: 'minute hour day-of-month month day-of-week'})),
      h('label', null, 'Time zone ', h('input', {type: 'text', name: 'schedule-zone', value: browserZone()}))),
    h('div', {class: 'row'},
      h('label', null, 'Dataset ', h('select', {name: 'schedule-dataset', required: true},
        h('option', {value: ''}, '(choose)'), names.map((n) => h('option', {key: n, value: n}, n)))),
      h('label', null, 'Job ', h('select', {name: 'schedule-type'}, TYPES.map((t) => h('option', {key: t, value: t}, t))))),
    h('label', null, 'Job options (JSON, e.g. {"horizon": 12, "models": ["ets"]}) ',
      h('textarea', {name: 'schedule-options', rows: 2, placeholder: '{}'})),
    h('button', {type: 'submit', id: 'schedule-create'}, 'Create'),
    error && h('p', {class: 'error-text', role: 'alert'}, error));
}

export function SchedulesView({store}) {
  const datasets = useDatasets(store);
  const schedules = useLoad(store, 'schedules', () => api.get('/api/schedules').then((r) => r.schedules),
    {every: REFRESH_MS});
  const list = schedules.data || [];
  return h('div', {class: 'view schedules'},
    h('h1', null, 'Schedules'),
    h(Freshness, {store, loads: [schedules, datasets]}),
    h('section', {class: 'card'},
      list.length === 0 ? h('p', {class: 'muted'}, schedules.data ? 'No schedules yet.' : 'Loading…')
        : h('div', {class: 'table-wrap'}, h('table', {class: 'grid', id: 'schedules'},
          h('thead', null, h('tr', null, ['Name', 'Cron', 'Dataset', 'Job', 'Next fire', 'Last fire', ''].map((c) =>
            h('th', {key: c, scope: 'col'}, c)))),
          h('tbody', null, list.map((s) => h(ScheduleRow, {key: s.id, s, onChanged: schedules.reload})))))),
    h(NewSchedule, {datasets, onCreated: schedules.reload}));
}
