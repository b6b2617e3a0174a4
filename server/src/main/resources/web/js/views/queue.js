// The queue: summary counts, overall progress, a progress bar per job, filters by status, type
// and batch, SKU search, cancel a job, cancel a batch, retry a failed or cancelled job, retry a
// batch's failed jobs, clear finished jobs. The same panel is the
// popup reachable from every view (app.js), the Queue view, and the batch panel of the Forecast
// view; all of them read the one store, so they always show the same numbers.

import {h} from 'preact';
import {useEffect, useMemo, useState} from 'preact/hooks';
import {api, query, seg} from '../api.js';
import {Freshness, storeLoad} from '../load.js';
import {STATUSES, isFinished} from '../store.js';
import {Name, isolate} from '../parts/name.js';
import {VirtualList} from '../parts/virtual-list.js';

const ROW = 46;

export function percent(counts) {
  const total = STATUSES.reduce((a, k) => a + (counts[k] || 0), 0);
  const done = (counts.completed || 0) + (counts.failed || 0) + (counts.cancelled || 0);
  return {total, done, pct: total === 0 ? 0 : Math.floor((done * 100) / total)};
}

export function ProgressBar({value, label, id}) {
  const v = Math.max(0, Math.min(100, value));
  return h('div', {class: 'bar', role: 'progressbar', id, 'aria-label': label,
    'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': v},
  h('div', {class: 'bar-fill', style: {width: v + '%'}}));
}

function jobPercent(j) {
  if (j.status === 'completed') return 100;
  const p = j.progress;
  if (!p || !p.total) return 0;
  return Math.floor((100 * p.current) / p.total);
}

export function Summary({counts, idPrefix}) {
  const {total, done, pct} = percent(counts);
  return h('div', {class: 'summary'},
    h('dl', {class: 'counts'}, STATUSES.map((k) =>
      h('div', {key: k, class: 'count s-' + k},
        h('dt', null, k), h('dd', {'data-status': k}, String(counts[k] || 0))))),
    h('div', {class: 'overall'},
      h(ProgressBar, {value: pct, label: 'Finished jobs', id: idPrefix + '-bar'}),
      h('span', {class: 'pct', id: idPrefix + '-pct'}, pct + '%'),
      h('span', {class: 'muted'}, ` ${done} of ${total} finished`)));
}

export function QueuePanel({store, navigate, batch: fixedBatch, idPrefix = 'queue'}) {
  const s = store.state;
  const [status, setStatus] = useState('');
  const [type, setType] = useState('');
  const [sku, setSku] = useState('');
  const [batch, setBatch] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const filter = {status, type, sku: sku.trim(), batch: fixedBatch || batch};

  useEffect(() => {
    // Again when the server answers after an outage: a filter's first page may have failed.
    const t = setTimeout(() => store.ensure(filter).then(() => setError(''), (e) => setError(e.message)), 250);
    return () => clearTimeout(t);
  }, [status, type, filter.sku, filter.batch, s.online]);

  const items = useMemo(() => {
    const needle = filter.sku.toLowerCase();
    return store.ordered().filter((id) => {
      const j = s.jobs.get(id);
      return j && (!status || j.status === status) && (!type || j.type === type)
        && (!filter.batch || j.batch_id === filter.batch)
        && (!needle || (j.sku || '').toLowerCase().includes(needle));
    });
    // Which jobs match changes with membership; with a status filter, also with every update.
  }, [status || filter.sku ? s.version : s.membership, status, type, filter.sku, filter.batch]);

  const act = async (fn) => {
    setError('');
    setMessage('');
    try {
      setMessage(await fn());
    } catch (e) {
      setError(e.message);
    }
  };
  const cancelJob = (j) => act(async () => {
    const r = await api.post(`/api/jobs/${seg(j.id)}/cancel`);
    const who = isolate(j.sku || j.id);
    return r.cancel_requested ? `Asked ${who} to stop` : `Cancelled ${who}`;
  });
  const cancelBatch = () => act(async () => {
    const r = await api.del('/api/jobs' + query({status: 'waiting,pending,running', batch: filter.batch}));
    store.refresh();
    return `Batch cancelled: ${r.cancelled} pending jobs cancelled, ${r.cancel_requested} running asked to stop`;
  });
  const retryJob = (j) => act(async () => {
    await api.post(`/api/jobs/${seg(j.id)}/retry`);
    return `Retrying ${isolate(j.sku || j.id)}`;
  });
  const retryFailed = () => act(async () => {
    const r = await api.post('/api/jobs/retry' + query({status: 'failed', batch: filter.batch}));
    store.refresh();
    return `Retrying ${r.retried} failed jobs of the batch`;
  });
  const clearFinished = () => act(async () => {
    const r = await api.del('/api/jobs' + query({status: 'completed,failed,cancelled', batch: filter.batch}));
    store.refresh();
    return `Cleared ${r.deleted} finished jobs`;
  });
  const open = (j) => act(async () => {
    if (j.type === 'optimization') {
      const full = await api.get(`/api/jobs/${seg(j.id)}`);
      navigate(`sku/${seg(full.payload.dataset_id)}/${seg(j.sku)}`);
    } else if (j.type === 'reconciliation') {
      const full = await api.get(`/api/jobs/${seg(j.id)}`);
      navigate(`results/${seg(full.payload.dataset_id)}`);
    } else {
      navigate(`reports/${seg(j.id)}`);
    }
    return '';
  });

  const counts = filter.batch ? store.batch(filter.batch) : s.summary;
  const batches = Array.from(s.batches.keys()).reverse();
  const more = store.hasMore(filter);

  const row = (id) => {
    const j = s.jobs.get(id);
    if (!j) return null;
    const pct = jobPercent(j);
    const name = j.sku || '(job ' + id.slice(0, 8) + ')';
    return h('div', {class: 'job s-' + j.status, 'data-job': id},
      h('span', {class: 'job-sku', title: isolate(name), 'data-name': name}, h(Name, {text: name})),
      h('span', {class: 'job-type muted'}, j.type || ''),
      h('span', {class: 'badge s-' + j.status}, j.cancel_requested && j.status === 'running' ? 'stopping' : j.status),
      h('span', {class: 'job-progress'},
        h(ProgressBar, {value: pct, label: `Progress of ${name}`}), h('span', {class: 'pct'}, pct + '%')),
      h('span', {class: 'job-actions'},
        !isFinished(j.status) && h('button', {type: 'button', class: 'small', onClick: () => cancelJob(j),
          'aria-label': `Cancel ${name}`}, 'Cancel'),
        j.status === 'completed' && h('button', {type: 'button', class: 'small', onClick: () => open(j),
          'aria-label': `Open ${name}`}, 'Open'),
        j.status === 'failed' && h('span', {class: 'error-text', title: j.error || ''}, 'failed'),
        (j.status === 'failed' || j.status === 'cancelled') && h('button', {type: 'button', class: 'small',
          onClick: () => retryJob(j), 'aria-label': `Retry ${name}`}, 'Retry')));
  };

  return h('section', {class: 'queue', 'aria-label': 'Job queue'},
    h(Summary, {counts, idPrefix}),
    h('div', {class: 'filters'},
      h('label', null, 'Status ',
        h('select', {value: status, onChange: (e) => setStatus(e.currentTarget.value), name: 'status'},
          h('option', {value: ''}, 'all'), STATUSES.map((k) => h('option', {key: k, value: k}, k)))),
      h('label', null, 'Type ',
        h('select', {value: type, onChange: (e) => setType(e.currentTarget.value), name: 'type'},
          h('option', {value: ''}, 'all'),
          ['optimization', 'validation', 'rescoring', 'reconciliation'].map((k) => h('option', {key: k, value: k}, k)))),
      !fixedBatch && h('label', null, 'Batch ',
        h('select', {value: batch, onChange: (e) => setBatch(e.currentTarget.value), name: 'batch'},
          h('option', {value: ''}, 'all'), batches.map((b) => h('option', {key: b, value: b}, b.slice(0, 8))))),
      h('label', null, 'SKU ',
        h('input', {type: 'search', value: sku, name: 'sku', placeholder: 'search SKU',
          onInput: (e) => setSku(e.currentTarget.value)}))),
    h('div', {class: 'actions'},
      // keyed: the batch's buttons come and go with the batch filter
      filter.batch && h('button', {key: 'cancel', type: 'button', onClick: cancelBatch, class: 'danger'}, 'Cancel batch'),
      h('button', {key: 'clear', type: 'button', onClick: clearFinished}, filter.batch ? 'Clear finished of batch' : 'Clear finished'),
      filter.batch && h('button', {key: 'retry', type: 'button', onClick: retryFailed, id: idPrefix + '-retry-failed'},
        'Retry failed'),
      h('span', {key: 'shown', class: 'muted', 'aria-live': 'polite'}, `${items.length} shown`)),
    filter.batch && h(Continuation, {store, batch: filter.batch, idPrefix}),
    message && h('p', {class: 'note', role: 'status'}, message),
    error && h('p', {class: 'error-text', role: 'alert'}, error),
    h(VirtualList, {items, rowHeight: ROW, renderRow: row, label: 'Jobs', className: 'jobs',
      onNearEnd: () => { if (more) store.loadMore(filter).catch((e) => setError(e.message)); }}));
}

/**
 * A batch's continuation (a job that runs once after every other job of the batch has finished,
 * e.g. the reconciliation of a hierarchy) and its state: waiting while the batch runs, then
 * pending, running and finished like any job.
 */
function Continuation({store, batch, idPrefix}) {
  const jobs = Array.from(store.state.jobs.values()).filter((j) => j.after_batch === batch);
  if (!jobs.length) return null;
  return h('p', {class: 'note continuation', id: idPrefix + '-continuation'},
    'Runs after this batch: ',
    jobs.map((j, i) => h('span', {key: j.id},
      i > 0 ? ', ' : '', j.type || 'job', ' ',
      h('span', {class: 'badge s-' + j.status, 'data-continuation-status': j.status}, j.status),
      j.on_child_failure && h('span', {class: 'muted'}, ` (if a job fails: ${j.on_child_failure})`))));
}

export function QueueView({store, navigate}) {
  return h('div', {class: 'view'}, h('h1', null, 'Queue'), h(Freshness, {store, loads: [storeLoad(store)]}),
    h(QueuePanel, {store, navigate, idPrefix: 'queue-view'}));
}
