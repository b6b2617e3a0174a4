// Results of a dataset: one row per SKU with its best model and backtest error, sorted by the
// server (keyset pages of 200, "Load more"), and a link that downloads every forecast as CSV.
// Route: #/results/<dataset id>.

import {h} from 'preact';
import {useState} from 'preact/hooks';
import {api, query, seg} from '../api.js';
import {Freshness, useLoad} from '../load.js';
import {Name, isolate} from '../parts/name.js';
import {LevelSelector, levelBySku, useHierarchy, useReconciliation} from '../parts/hierarchy.js';

const PAGE = 200;
const fmt = (v) => (v == null ? '–' : Number(v.toPrecision(5)).toString());

/** The caller's datasets (newest first), for the pickers of several views. */
export function useDatasets(store) {
  return useLoad(store, 'datasets:200', () => api.get('/api/datasets' + query({limit: 200})).then((r) => r.datasets));
}

/** A select of the caller's datasets: `datasets` is the load useDatasets returned. */
export function DatasetPicker({datasets, value, onChange, label = 'Dataset', name = 'dataset'}) {
  return h('label', {class: 'picker'}, label + ' ',
    h('select', {value: value || '', name, onChange: (e) => onChange(e.currentTarget.value)},
      h('option', {value: ''}, '(choose)'),
      (datasets.data || []).map((d) => h('option', {key: d.id, value: d.id},
        `${isolate(d.name || d.id)} v${d.version} · ${d.series_count} series`))));
}

const COLUMNS = [['sku', 'SKU'], ['model', 'Best model'], ['score', 'Error']];

export function ResultsView({store, params, navigate}) {
  const datasetId = params[0] || '';
  const [sort, setSort] = useState('sku');
  const [order, setOrder] = useState('asc');
  const datasets = useDatasets(store);
  const first = useLoad(store, datasetId ? JSON.stringify(['results', datasetId, sort, order]) : null,
    () => api.get(`/api/datasets/${seg(datasetId)}/results` + query({sort, order, limit: PAGE})));
  // Pages after the first, loaded with "Load more"; they belong to one first page and go with it.
  const [more, setMore] = useState({after: null, rows: [], cursor: null});
  const [moreError, setMoreError] = useState('');
  const [loading, setLoading] = useState(false);
  const hierarchy = useHierarchy(store, datasetId);
  const reconciliation = useReconciliation(store, datasetId);
  const [level, setLevel] = useState('');
  const levels = levelBySku(hierarchy.data);
  const page = first.data;
  const extra = page && more.after === page ? more : {after: page, rows: [], cursor: page ? page.next_cursor : null};
  const all = page ? page.results.concat(extra.rows) : [];
  const rows = level.startsWith('level:') ? all.filter((r) => levels.get(r.sku) === level.slice(6)) : all;
  const chooseLevel = (v) => {
    if (v.startsWith('node:')) navigate(`sku/${seg(datasetId)}/${seg(v.slice(5))}`);
    else setLevel(v);
  };
  const cursor = extra.cursor;

  const loadMore = async () => {
    setLoading(true);
    setMoreError('');
    try {
      const r = await api.get(`/api/datasets/${seg(datasetId)}/results` + query({sort, order, limit: PAGE, cursor}));
      setMore({after: page, rows: extra.rows.concat(r.results), cursor: r.next_cursor});
    } catch (e) {
      setMoreError(e.message);
    } finally {
      setLoading(false);
    }
  };

  const sortBy = (key) => {
    if (key === sort) setOrder(order === 'asc' ? 'desc' : 'asc');
    else {
      setSort(key);
      setOrder('asc');
    }
  };
  const ariaSort = (key) => (key === sort ? (order === 'asc' ? 'ascending' : 'descending') : 'none');

  return h('div', {class: 'view results'},
    h('h1', null, 'Results'),
    h(Freshness, {store, loads: [datasets, first]}),
    h('div', {class: 'row'},
      h(DatasetPicker, {datasets, value: datasetId, onChange: (id) => navigate(`results/${seg(id)}`)}),
      datasetId && h('a', {class: 'button', id: 'download-csv',
        href: `/api/datasets/${seg(datasetId)}/forecasts?format=csv`, download: `forecasts-${datasetId}.csv`},
      'Download all forecasts (CSV)'),
      datasetId && hierarchy.data && h(LevelSelector, {hierarchy: hierarchy.data, value: level, onChange: chooseLevel}),
      datasetId && reconciliation.data && h('a', {class: 'button', id: 'download-reconciled',
        href: `/api/datasets/${seg(datasetId)}/reconciliation?format=csv`, download: `reconciled-${datasetId}.csv`},
      'Download reconciled forecasts (CSV)')),
    datasetId && reconciliation.data && h('p', {class: 'note', id: 'reconciliation-note'},
      `Reconciled by ${reconciliation.data.used}`
      + (reconciliation.data.used !== reconciliation.data.requested ? ` (asked: ${reconciliation.data.requested})` : '')
      + (reconciliation.data.fallback_reason ? `: ${reconciliation.data.fallback_reason}` : '')),
    datasetId && hierarchy.data && !reconciliation.data && h('p', {class: 'muted', id: 'reconciliation-note'},
      'Not reconciled yet: the reconciliation runs once every series of the batch has its forecast.'),
    datasetId && h('div', {class: 'table-wrap'}, h('table', {class: 'grid sortable', id: 'results-table'},
      h('caption', {class: 'muted'}, `${rows.length} SKUs shown${cursor ? ' (more below)' : ''}${level ? ' at level ' + level.slice(6) : ''}; error is the chosen model's backtest score`),
      h('thead', null, h('tr', null,
        COLUMNS.map(([key, title]) => h('th', {key, scope: 'col', 'aria-sort': ariaSort(key)},
          h('button', {type: 'button', class: 'sort', onClick: () => sortBy(key), 'data-sort': key},
            title, key === sort ? (order === 'asc' ? ' ▲' : ' ▼') : ''))),
        h('th', {scope: 'col'}, 'Metric'), h('th', {scope: 'col'}, 'Flag'),
        hierarchy.data && h('th', {scope: 'col'}, 'Level'))),
      h('tbody', null, rows.map((r) => h('tr', {key: r.sku},
        h('td', null, h('a', {href: `#/sku/${seg(datasetId)}/${seg(r.sku)}`, class: 'sku-link'}, h(Name, {text: r.sku}))),
        h('td', null, r.model || '–'),
        h('td', {class: 'num'}, fmt(r.score)),
        h('td', null, r.metric || ''),
        h('td', null, r.flagged ? 'degraded' : ''),
        hierarchy.data && h('td', {class: 'level'}, levels.get(r.sku) || '')))))),
    moreError && h('p', {class: 'error-text', role: 'alert'}, moreError),
    cursor && h('button', {type: 'button', onClick: loadMore, disabled: loading}, loading ? 'Loading…' : 'Load more'));
}
