// One SKU: history, forecast and intervals on the chart; best model, parameters and scores beside.
// Route: #/sku/<dataset id>/<sku>.

import {h} from 'preact';
import {useEffect, useMemo, useState} from 'preact/hooks';
import {api, seg} from '../api.js';
import {ForecastChart, chartData} from '../parts/chart.js';
import {VirtualList} from '../parts/virtual-list.js';
import {DatasetPicker} from './results.js';

const fmt = (v) => (v == null ? '–' : typeof v === 'number' ? Number(v.toPrecision(6)).toString() : String(v));

function Params({title, values}) {
  const entries = Object.entries(values || {});
  if (!entries.length) return null;
  return h('div', null, h('h3', null, title),
    h('table', {class: 'kv'}, h('tbody', null, entries.map(([k, v]) =>
      h('tr', {key: k}, h('th', {scope: 'row'}, k), h('td', null, fmt(v)))))));
}

function SkuList({datasetId, current, navigate}) {
  const [skus, setSkus] = useState([]);
  const [needle, setNeedle] = useState('');
  useEffect(() => {
    setSkus([]);
    if (datasetId) api.get(`/api/datasets/${seg(datasetId)}`).then((r) => setSkus(r.skus)).catch(() => {});
  }, [datasetId]);
  const shown = useMemo(() => {
    const n = needle.toLowerCase();
    return n ? skus.filter((s) => s.toLowerCase().includes(n)) : skus;
  }, [skus, needle]);
  return h('nav', {class: 'skus card', 'aria-label': 'SKUs of the dataset'},
    h('label', null, 'Find SKU ', h('input', {type: 'search', value: needle, name: 'sku-search',
      onInput: (e) => setNeedle(e.currentTarget.value)})),
    h('p', {class: 'muted'}, `${shown.length} of ${skus.length}`),
    h(VirtualList, {items: shown, rowHeight: 32, label: 'SKUs', className: 'sku-list',
      renderRow: (s) => h('a', {href: `#/sku/${seg(datasetId)}/${seg(s)}`,
        'aria-current': s === current ? 'page' : undefined}, s)}));
}

export function SkuView({params, navigate}) {
  const datasetId = params[0] ? decodeURIComponent(params[0]) : '';
  const sku = params[1] ? decodeURIComponent(params[1]) : '';
  const [history, setHistory] = useState(null);
  const [result, setResult] = useState(null);
  const [error, setError] = useState('');
  const [note, setNote] = useState('');

  useEffect(() => {
    setHistory(null);
    setResult(null);
    setError('');
    setNote('');
    if (!datasetId || !sku) return;
    const base = `/api/datasets/${seg(datasetId)}`;
    Promise.all([
      api.get(`${base}/series/${seg(sku)}`),
      api.get(`${base}/forecasts/${seg(sku)}`).catch((e) => {
        if (e.status === 404) {
          setNote('No forecast for this SKU yet: its job has not finished (or did not run).');
          return null;
        }
        throw e;
      }),
    ]).then(([hist, res]) => {
      setHistory(hist);
      setResult(res);
    }).catch((e) => setError(e.message));
  }, [datasetId, sku]);

  const data = useMemo(() => (history ? chartData(history, result) : null), [history, result]);

  return h('div', {class: 'view sku'},
    h('h1', null, 'SKU ', h('span', {class: 'sku-name', id: 'sku-title'}, sku || '(choose one)')),
    h(DatasetPicker, {value: datasetId, onChange: (id) => navigate(`sku/${seg(id)}`)}),
    h('div', {class: 'sku-layout'},
      datasetId && h(SkuList, {datasetId, current: sku, navigate}),
      h('div', {class: 'sku-main'},
        error && h('p', {class: 'error-text', role: 'alert'}, error),
        note && h('p', {class: 'note'}, note),
        data && h(ForecastChart, {data, title: sku}),
        history && h('p', {class: 'muted'},
          `${history.y.length} periods (${history.frequency}, period ${history.period})`
          + (history.y.length > 2000 ? '; drawn downsampled (LTTB), zoom in for detail' : '')),
        result && h('aside', {class: 'card model', 'aria-label': 'Chosen model'},
          h('h2', null, 'Best model: ', h('span', {id: 'best-model'}, result.model)),
          h('p', null, `${result.metric} ${fmt(result.score)} over ${result.folds} backtest folds; intervals: ${result.interval_method || '–'}`),
          result.fallback_reason && h('p', {class: 'note'}, result.fallback_reason),
          result.flagged && h('p', {class: 'error-text'}, `Flagged by rescoring: error grew from ${fmt(result.previous_score)}`),
          h(Params, {title: 'Parameters', values: result.parameters}),
          h(Params, {title: 'Fitted parameters', values: result.fitted_parameters}),
          result.cv_scores && result.cv_scores.length > 0 && h('div', null, h('h3', null, 'Backtest scores'),
            h('div', {class: 'table-wrap'}, h('table', {class: 'grid'},
              h('thead', null, h('tr', null, h('th', {scope: 'col'}, 'candidate'), h('th', {scope: 'col'}, result.metric))),
              h('tbody', null, result.cv_scores.map((c, i) => h('tr', {key: i},
                h('td', null, c.model, c.failure ? h('span', {class: 'muted'}, ' (' + c.failure + ')') : ''),
                h('td', {class: 'num'}, fmt(c.score))))))))))));
}
