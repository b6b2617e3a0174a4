// One SKU: history, forecast and intervals on the chart; best model, parameters and scores beside.
// Route: #/sku/<dataset id>/<sku>.

import {h} from 'preact';
import {useMemo, useState} from 'preact/hooks';
import {api, query, seg} from '../api.js';
import {Freshness, useLoad} from '../load.js';
import {ForecastChart, chartData, levelsOf} from '../parts/chart.js';
import {Name} from '../parts/name.js';
import {VirtualList} from '../parts/virtual-list.js';
import {DatasetPicker, useDatasets} from './results.js';
import {useReconciliation} from '../parts/hierarchy.js';

const fmt = (v) => (v == null ? '–' : typeof v === 'number' ? Number(v.toPrecision(6)).toString() : String(v));

function Params({title, values}) {
  const entries = Object.entries(values || {});
  if (!entries.length) return null;
  return h('div', null, h('h3', null, title),
    h('table', {class: 'kv'}, h('tbody', null, entries.map(([k, v]) =>
      h('tr', {key: k}, h('th', {scope: 'row'}, k), h('td', null, fmt(v)))))));
}

/** Why the search did not use its best candidate, from a stored result (null when it did). */
function fallbackOf(result) {
  if (result.fallback) return `Fell back (${result.fallback.cause}): ${result.fallback.reason}`;
  return result.fallback_reason ? `Fell back: ${result.fallback_reason}` : null;
}

/** The forecast as a table: ds, y_hat and each interval level's bounds. */
function ForecastTable({forecast, caption = 'Forecast', id = 'forecast-table'}) {
  const levels = levelsOf(forecast);
  const cols = ['y_hat'].concat(levels.flatMap((l) => ['lo_' + l, 'hi_' + l]));
  return h('div', {class: 'table-wrap'}, h('table', {class: 'grid', id},
    h('caption', {class: 'muted'}, caption),
    h('thead', null, h('tr', null, h('th', {scope: 'col'}, 'ds'), cols.map((c) => h('th', {key: c, scope: 'col'}, c)))),
    h('tbody', null, forecast.ds.map((ds, i) => h('tr', {key: ds},
      h('td', {class: 'ds'}, ds),
      cols.map((c) => h('td', {key: c, class: 'num'}, fmt(forecast[c][i]))))))));
}

function SkuList({datasetId, skus, current}) {
  const [needle, setNeedle] = useState('');
  const all = skus.data || [];
  const shown = useMemo(() => {
    const n = needle.toLowerCase();
    return n ? all.filter((s) => s.toLowerCase().includes(n)) : all;
  }, [all, needle]);
  return h('nav', {class: 'skus card', 'aria-label': 'SKUs of the dataset'},
    h('label', null, 'Find SKU ', h('input', {type: 'search', value: needle, name: 'sku-search',
      onInput: (e) => setNeedle(e.currentTarget.value)})),
    h('p', {class: 'muted'}, `${shown.length} of ${all.length}`),
    h(VirtualList, {items: shown, rowHeight: 32, label: 'SKUs', className: 'sku-list',
      renderRow: (s) => h('a', {href: `#/sku/${seg(datasetId)}/${seg(s)}`,
        'aria-current': s === current ? 'page' : undefined}, h(Name, {text: s}))}));
}

/** A SKU's history and stored result (null before its job has finished); the name goes in the query. */
async function loadSku(datasetId, sku) {
  const base = `/api/datasets/${seg(datasetId)}`;
  const [history, forecasts] = await Promise.all([
    api.get(`${base}/series` + query({sku})), api.get(`${base}/forecasts` + query({sku}))]);
  return {history, result: forecasts.forecasts[0] || null};
}

export function SkuView({store, params, navigate}) {
  const datasetId = params[0] || '';
  const sku = params[1] || '';
  const datasets = useDatasets(store);
  const skus = useLoad(store, datasetId ? 'skus:' + datasetId : null,
    () => api.get(`/api/datasets/${seg(datasetId)}`).then((r) => r.skus));
  const one = useLoad(store, datasetId && sku ? JSON.stringify(['sku', datasetId, sku]) : null,
    () => loadSku(datasetId, sku));
  const history = one.data ? one.data.history : null;
  const result = one.data ? one.data.result : null;

  const reconciliation = useReconciliation(store, datasetId);
  const node = reconciliation.data ? reconciliation.data.nodes.find((n) => n.sku === sku) : null;
  const reconciled = node ? node.reconciled : null;
  const data = useMemo(() => (history ? chartData(history, result, reconciled) : null), [history, result, reconciled]);

  return h('div', {class: 'view sku'},
    h('h1', null, 'SKU ', h('span', {class: 'sku-name', id: 'sku-title'}, sku ? h(Name, {text: sku}) : '(choose one)')),
    h(Freshness, {store, loads: [datasets, skus, one]}),
    h(DatasetPicker, {datasets, value: datasetId, onChange: (id) => navigate(`sku/${seg(id)}`)}),
    h('div', {class: 'sku-layout'},
      datasetId && h(SkuList, {datasetId, skus, current: sku}),
      h('div', {class: 'sku-main'},
        history && !result && h('p', {class: 'note'}, 'No forecast for this SKU yet: its job has not finished (or did not run).'),
        data && h(ForecastChart, {data, title: sku}),
        node && h('p', {class: 'note', id: 'reconciled-note'},
          `Level ${node.level} of the hierarchy: the green line is the reconciled forecast`
          + ` (${reconciliation.data.used}), which adds up across the hierarchy; the red dashed one is this series' own.`),
        result && result.forecast && result.forecast.ds && h(ForecastTable, {forecast: result.forecast}),
        node && h(ForecastTable, {forecast: reconciled, caption: 'Reconciled forecast', id: 'reconciled-table'}),
        history && h('p', {class: 'muted', id: 'history-shape'},
          `${history.y.length} periods, frequency ${history.frequency}`
          + `, seasonal periods ${(history.seasonal_periods || []).join(', ') || 'none'}`
          + (history.filled ? `, ${history.filled} missing values filled` : '')
          + (history.y.length > 2000 ? '; drawn downsampled (LTTB), zoom in for detail' : '')),
        result && h('aside', {class: 'card model', 'aria-label': 'Chosen model'},
          h('h2', null, 'Best model: ', h('span', {id: 'best-model'}, result.model)),
          h('p', null, `${result.metric} ${fmt(result.score)} over ${result.folds} backtest folds; intervals: ${result.interval_method || '–'}`),
          h('p', {id: 'result-frequency'}, `Frequency: ${result.frequency || history.frequency}`),
          fallbackOf(result) && h('p', {class: 'note', id: 'fallback'}, fallbackOf(result)),
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
