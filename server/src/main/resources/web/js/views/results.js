// Results of a dataset: one row per SKU with its best model and backtest error, sorted by the
// server (keyset pages of 200, "Load more"), and a link that downloads every forecast as CSV.
// Route: #/results/<dataset id>.

import {h} from 'preact';
import {useEffect, useState} from 'preact/hooks';
import {api, query, seg} from '../api.js';

const fmt = (v) => (v == null ? '–' : Number(v.toPrecision(5)).toString());

/** A select of the caller's datasets (newest first). */
export function DatasetPicker({value, onChange, label = 'Dataset', name = 'dataset'}) {
  const [list, setList] = useState([]);
  useEffect(() => {
    api.get('/api/datasets' + query({limit: 200})).then((r) => setList(r.datasets)).catch(() => {});
  }, []);
  return h('label', {class: 'picker'}, label + ' ',
    h('select', {value: value || '', name, onChange: (e) => onChange(e.currentTarget.value)},
      h('option', {value: ''}, '(choose)'),
      list.map((d) => h('option', {key: d.id, value: d.id}, `${d.name || d.id} · ${d.series_count} series`))));
}

const COLUMNS = [['sku', 'SKU'], ['model', 'Best model'], ['score', 'Error']];

export function ResultsView({params, navigate}) {
  const datasetId = params[0] ? decodeURIComponent(params[0]) : '';
  const [sort, setSort] = useState('sku');
  const [order, setOrder] = useState('asc');
  const [rows, setRows] = useState([]);
  const [cursor, setCursor] = useState(null);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(false);

  const load = async (reset) => {
    if (!datasetId) return;
    setLoading(true);
    setError('');
    try {
      const r = await api.get(`/api/datasets/${seg(datasetId)}/results` + query({
        sort, order, limit: 200, cursor: reset ? null : cursor,
      }));
      setRows(reset ? r.results : rows.concat(r.results));
      setCursor(r.next_cursor);
    } catch (e) {
      setError(e.message);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    setRows([]);
    load(true);
  }, [datasetId, sort, order]);

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
    h('div', {class: 'row'},
      h(DatasetPicker, {value: datasetId, onChange: (id) => navigate(`results/${seg(id)}`)}),
      datasetId && h('a', {class: 'button', id: 'download-csv',
        href: `/api/datasets/${seg(datasetId)}/forecasts?format=csv`, download: `forecasts-${datasetId}.csv`},
      'Download all forecasts (CSV)')),
    error && h('p', {class: 'error-text', role: 'alert'}, error),
    datasetId && h('div', {class: 'table-wrap'}, h('table', {class: 'grid sortable', id: 'results-table'},
      h('caption', {class: 'muted'}, `${rows.length} SKUs shown${cursor ? ' (more below)' : ''}; error is the chosen model's backtest score`),
      h('thead', null, h('tr', null,
        COLUMNS.map(([key, title]) => h('th', {key, scope: 'col', 'aria-sort': ariaSort(key)},
          h('button', {type: 'button', class: 'sort', onClick: () => sortBy(key), 'data-sort': key},
            title, key === sort ? (order === 'asc' ? ' ▲' : ' ▼') : ''))),
        h('th', {scope: 'col'}, 'Metric'), h('th', {scope: 'col'}, 'Flag'))),
      h('tbody', null, rows.map((r) => h('tr', {key: r.sku},
        h('td', null, h('a', {href: `#/sku/${seg(datasetId)}/${seg(r.sku)}`, class: 'sku-link'}, r.sku)),
        h('td', null, r.model || '–'),
        h('td', {class: 'num'}, fmt(r.score)),
        h('td', null, r.metric || ''),
        h('td', null, r.flagged ? 'degraded' : '')))))),
    cursor && h('button', {type: 'button', onClick: () => load(false), disabled: loading}, loading ? 'Loading…' : 'Load more'));
}
