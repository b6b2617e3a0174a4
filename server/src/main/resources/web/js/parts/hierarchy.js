// A dataset's hierarchy (levels and nodes) and its latest reconciliation, for the Results view's
// level selector and the SKU chart's reconciled line. Both answer 404 for a dataset without a
// hierarchy (or not yet reconciled): that is "none" here, not an error.

import {h} from 'preact';
import {ApiError, api, seg} from '../api.js';
import {useLoad} from '../load.js';
import {isolate} from './name.js';

const noneOn404 = (p) => p.catch((e) => {
  if (e instanceof ApiError && e.status === 404) return null;
  throw e;
});

/** The hierarchy of a dataset, null when it has none. */
export function useHierarchy(store, datasetId) {
  return useLoad(store, datasetId ? 'hierarchy:' + datasetId : null,
    () => noneOn404(api.get(`/api/datasets/${seg(datasetId)}/hierarchy`)));
}

/** The latest reconciliation of a dataset, null before one has run (or without a hierarchy). */
export function useReconciliation(store, datasetId) {
  return useLoad(store, datasetId ? 'reconciliation:' + datasetId : null,
    () => noneOn404(api.get(`/api/datasets/${seg(datasetId)}/reconciliation`)));
}

/**
 * The level selector: every SKU, the total, each level, or one node (which opens that node's
 * SKU view). Value: '' (all), 'level:<name>', or 'node:<sku>'.
 */
export function LevelSelector({hierarchy, value, onChange}) {
  return h('label', {class: 'picker'}, 'Level ',
    h('select', {value, name: 'level', id: 'level-select', onChange: (e) => onChange(e.currentTarget.value)},
      h('option', {value: ''}, `All ${hierarchy.node_count} series`),
      h('optgroup', {label: `Levels of ${hierarchy.hierarchy}`},
        hierarchy.levels.map((l) => h('option', {key: l.name, value: 'level:' + l.name},
          `${l.name} (${l.node_count})`))),
      h('optgroup', {label: 'Nodes'},
        hierarchy.nodes.map((n) => h('option', {key: n.sku, value: 'node:' + n.sku},
          isolate(n.name))))));
}

/** The level of each SKU of a hierarchy. */
export function levelBySku(hierarchy) {
  const m = new Map();
  if (hierarchy) for (const n of hierarchy.nodes) m.set(n.sku, n.level);
  return m;
}
