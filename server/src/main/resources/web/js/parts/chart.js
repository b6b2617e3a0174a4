// The SKU chart: history, forecast and its interval bands (one per level the result has, 80% and
// 95% by default) on a uPlot canvas. The x axis shows the series' own ds labels: dates, or date and
// time on two lines for sub-daily data. Long histories are
// downsampled for drawing with LTTB (largest triangle three buckets), which keeps peaks and dips;
// when the user zooms in, the visible range is downsampled again from the full data, so detail
// appears as it becomes drawable. Drag to zoom, wheel to zoom at the pointer, buttons (and the
// keyboard: + - arrows 0) to zoom and pan.

import {h} from 'preact';
import {useEffect, useRef} from 'preact/hooks';
import uPlot from 'uplot';
import {isolate} from './name.js';

/** The font of the charts' axis labels (uPlot's default face, stated so labels can be measured). */
export const AXIS_FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const AXIS_PAD = 4;

/**
 * An axis `size` for uPlot: as wide as its widest label (measured in the axis font) plus its ticks
 * and gap, so 14,000 is not cut to "4,000". uPlot calls it again while the labels settle; after
 * two rounds the size stays (its own rule for convergence).
 */
export function fitAxisToLabels(u, values, axisIdx, cycleNum) {
  const axis = u.axes[axisIdx];
  if (cycleNum > 1) return axis._size;
  let widest = 0;
  u.ctx.save();
  u.ctx.font = AXIS_FONT;
  for (const v of values || []) widest = Math.max(widest, u.ctx.measureText(String(v)).width);
  u.ctx.restore();
  return Math.ceil(axis.ticks.size + axis.gap + widest + AXIS_PAD);
}

/**
 * Largest-Triangle-Three-Buckets (Steinarsson 2013): keeps the first and last point and, in each of
 * threshold-2 buckets, the point forming the largest triangle with the previous kept point and the
 * next bucket's mean. xs ascending; returns indexes into xs.
 */
export function lttb(xs, ys, from, to, threshold) {
  const n = to - from;
  if (threshold >= n || threshold < 3) {
    const all = [];
    for (let i = from; i < to; i++) all.push(i);
    return all;
  }
  const kept = [from];
  const every = (n - 2) / (threshold - 2);
  let a = from;
  for (let b = 0; b < threshold - 2; b++) {
    const start = from + Math.floor(b * every) + 1;
    const end = from + Math.floor((b + 1) * every) + 1;
    const nextEnd = Math.min(to, from + Math.floor((b + 2) * every) + 1);
    let mx = 0;
    let my = 0;
    let cnt = 0;
    for (let j = end; j < nextEnd; j++) {
      if (ys[j] != null) {
        mx += xs[j];
        my += ys[j];
        cnt++;
      }
    }
    if (cnt === 0) {
      mx = xs[Math.min(to - 1, end)];
      my = ys[a] ?? 0;
    } else {
      mx /= cnt;
      my /= cnt;
    }
    let best = start;
    let bestArea = -1;
    const ax = xs[a];
    const ay = ys[a] ?? 0;
    for (let j = start; j < end && j < to; j++) {
      if (ys[j] == null) continue;
      const area = Math.abs((ax - mx) * (ys[j] - ay) - (ax - xs[j]) * (my - ay));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    kept.push(best);
    a = best;
  }
  kept.push(to - 1);
  return kept;
}

const COLORS = {history: '#1f4e9c', forecast: '#b3261e', reconciled: '#1b7f3b'};

/** The fill of the band at position i of n, widest (highest level) first: lighter when wider. */
const bandFill = (i, n) => `rgba(179,38,30,${(0.12 + (0.16 * i) / Math.max(1, n - 1)).toFixed(3)})`;

/** The interval levels of a stored forecast (its lo_L keys), ascending: [80, 95]. */
export function levelsOf(forecast) {
  return Object.keys(forecast || {})
    .filter((k) => k.startsWith('lo_'))
    .map((k) => Number(k.slice(3)))
    .filter((l) => Number.isFinite(l))
    .sort((a, b) => a - b);
}

/** A ds label as an axis tick: a date-time's date and time on two lines ("2024-01-01\n13:00"). */
export function tickLabel(label) {
  if (label == null) return '';
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(\.\d+)?)?(Z)?$/.exec(label);
  if (!m) return label;
  const secs = m[3] && !/^:00(\.0+)?$/.test(m[3]) ? m[3] : '';
  return `${m[1]}\n${m[2]}${secs}${m[5] || ''}`;
}

/** Builds uPlot columns for the x range [lo, hi], drawing at most about `points` points. */
function columns(full, lo, hi, points) {
  const {x, y, n} = full;
  const from = Math.max(0, Math.floor(lo));
  const to = Math.min(x.length, Math.ceil(hi) + 1);
  // Downsample the history part only; forecast steps are few and always drawn.
  const histTo = Math.min(to, n);
  const idx = from < histTo ? lttb(x, y.history, from, histTo, points) : [];
  for (let i = Math.max(from, n); i < to; i++) idx.push(i);
  if (from < n && to > n && idx[idx.length - 1] !== n - 1 && !idx.includes(n - 1)) idx.push(n - 1);
  idx.sort((p, q) => p - q);
  const pick = (arr) => idx.map((i) => arr[i]);
  const out = [pick(x), pick(y.history), pick(y.forecast)];
  for (const b of y.bands) out.push(pick(b.lo), pick(b.hi));
  if (y.reconciled) out.push(pick(y.reconciled));
  return out;
}

/**
 * The full data: index x axis, history then forecast; the forecast line starts at the last actual.
 * y.bands holds one {level, lo, hi} per interval level, widest first (drawn under the narrower).
 */
export function chartData(history, result, reconciled) {
  const n = history.y.length;
  const f = result ? result.forecast : null;
  const h_ = f ? f.y_hat.length : 0;
  const len = n + h_;
  const labels = history.ds.concat(f ? f.ds : []);
  const x = Array.from({length: len}, (_, i) => i);
  const col = () => new Array(len).fill(null);
  const levels = levelsOf(f).reverse();
  const y = {history: col(), forecast: col(), bands: levels.map((level) => ({level, lo: col(), hi: col()}))};
  for (let i = 0; i < n; i++) y.history[i] = history.y[i];
  if (f) {
    if (n > 0) y.forecast[n - 1] = history.y[n - 1];
    for (let i = 0; i < h_; i++) {
      y.forecast[n + i] = f.y_hat[i];
      for (const b of y.bands) {
        b.lo[n + i] = f['lo_' + b.level][i];
        b.hi[n + i] = f['hi_' + b.level][i];
      }
    }
  }
  if (f && reconciled && reconciled.y_hat && reconciled.y_hat.length === h_) {
    // a hierarchy's node: its coherent forecast beside the base one, from the last actual too
    y.reconciled = col();
    if (n > 0) y.reconciled[n - 1] = history.y[n - 1];
    for (let i = 0; i < h_; i++) y.reconciled[n + i] = reconciled.y_hat[i];
  }
  return {x, y, n, labels, timed: labels.some((l) => /\d[T ]\d{2}:\d{2}/.test(l)), markers: markersOf(history)};
}

/**
 * Covariate markers of the time axis: the public holidays of the series' region, and each 0/1
 * covariate (a promotion, an event flag) at the periods where it is 1. One {name, at: [index]} each.
 */
export function markersOf(history) {
  const out = [];
  const holidays = new Set(history.holidays || []);
  if (holidays.size) {
    out.push({name: 'holiday', at: history.ds.flatMap((d, i) => (holidays.has(d) ? [i] : []))});
  }
  for (const [name, values] of Object.entries(history.covariates || {})) {
    if (values.length && values.every((v) => v === 0 || v === 1) && values.some((v) => v === 1)) {
      out.push({name, at: values.flatMap((v, i) => (v === 1 ? [i] : []))});
    }
  }
  return out;
}

const MARKER_COLORS = ['#b45309', '#7c3aed', '#0f766e', '#be123c', '#1d4ed8'];

/** Draws each marker as a short coloured tick at the bottom of the plot, one row per marker. */
function drawMarkers(u, markers) {
  const ctx = u.ctx;
  const {left, top, width, height} = u.bbox;
  ctx.save();
  markers.forEach((m, row) => {
    ctx.strokeStyle = MARKER_COLORS[row % MARKER_COLORS.length];
    ctx.lineWidth = 2 * devicePixelRatio;
    const y1 = top + height - (row + 1) * 6 * devicePixelRatio;
    for (const i of m.at) {
      const x = u.valToPos(i, 'x', true);
      if (x < left || x > left + width) continue;
      ctx.beginPath();
      ctx.moveTo(x, y1);
      ctx.lineTo(x, y1 + 5 * devicePixelRatio);
      ctx.stroke();
    }
  });
  ctx.restore();
}

export function ForecastChart({data, title}) {
  const box = useRef(null);
  const plot = useRef(null);

  useEffect(() => {
    const el = box.current;
    if (!el || !data) return undefined;
    const width = () => Math.max(200, el.clientWidth);
    const budget = () => Math.max(200, Math.floor(width() * 1.5));
    let redrawing = false;
    let frame = 0;
    const opts = {
      title: isolate(title),
      width: width(),
      height: 320,
      scales: {x: {time: false}},
      axes: [
        {space: 110, font: AXIS_FONT, size: data.timed ? 62 : 50,
          values: (u, ticks) => ticks.map((t) => tickLabel(data.labels[Math.round(t)]))},
        {font: AXIS_FONT, size: fitAxisToLabels},
      ],
      series: [
        {label: data.timed ? 'time' : 'period', value: (u, v) => (v == null ? '' : data.labels[Math.round(v)] ?? '')},
        {label: 'history', stroke: COLORS.history, width: 1.5, spanGaps: false},
        {label: 'forecast', stroke: COLORS.forecast, width: 2, dash: [6, 3]},
        ...data.y.bands.flatMap((b) => [
          {label: `lo ${b.level}`, stroke: 'transparent', points: {show: false}},
          {label: `hi ${b.level}`, stroke: 'transparent', points: {show: false}},
        ]),
        ...(data.y.reconciled ? [{label: 'reconciled', stroke: COLORS.reconciled, width: 2}] : []),
      ],
      bands: data.y.bands.map((b, i) => ({series: [4 + 2 * i, 3 + 2 * i], fill: bandFill(i, data.y.bands.length)})),
      cursor: {drag: {x: true, y: false}},
      hooks: {
        draw: [(u) => drawMarkers(u, data.markers || [])],
        setScale: [(u, key) => {
          // Short series are drawn whole; a long one is re-downsampled for the visible range, then
          // the range is set again so that the y axis fits the points now drawn.
          if (key !== 'x' || redrawing || data.n <= budget()) return;
          if (frame) cancelAnimationFrame(frame);
          frame = requestAnimationFrame(() => {
            frame = 0;
            const {min, max} = u.scales.x;
            redrawing = true;
            try {
              u.setData(columns(data, min - 1, max + 1, budget()), false);
              u.setScale('x', {min, max});
            } finally {
              redrawing = false;
            }
          });
        }],
      },
    };
    const u = new uPlot(opts, columns(data, 0, data.x.length - 1, budget()), el);
    plot.current = u;
    const onWheel = (e) => {
      e.preventDefault();
      const rect = u.over.getBoundingClientRect();
      zoomAt(u, data, e.deltaY < 0 ? 0.8 : 1.25, u.posToVal(e.clientX - rect.left, 'x'));
    };
    u.over.addEventListener('wheel', onWheel, {passive: false});
    // uPlot's own double-click resets to the data it holds (a downsampled range): go to all of it.
    u.over.addEventListener('dblclick', () => u.setScale('x', {min: 0, max: data.x.length - 1}));
    const ro = new ResizeObserver(() => u.setSize({width: width(), height: 320}));
    ro.observe(el);
    return () => {
      ro.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [data]);

  const act = (fn) => () => plot.current && fn(plot.current);
  const zoomIn = act((u) => zoomAt(u, data, 0.5));
  const zoomOut = act((u) => zoomAt(u, data, 2));
  const left = act((u) => pan(u, data, -0.25));
  const right = act((u) => pan(u, data, 0.25));
  const reset = act((u) => u.setScale('x', {min: 0, max: data.x.length - 1}));
  const keys = (e) => {
    const map = {'+': zoomIn, '=': zoomIn, '-': zoomOut, ArrowLeft: left, ArrowRight: right, 0: reset};
    if (map[e.key]) {
      e.preventDefault();
      map[e.key]();
    }
  };
  return h('figure', {class: 'chart'},
    h('div', {class: 'chart-tools', role: 'toolbar', 'aria-label': 'Chart zoom and pan'},
      h('button', {type: 'button', class: 'small', onClick: zoomIn, 'aria-label': 'Zoom in'}, '+'),
      h('button', {type: 'button', class: 'small', onClick: zoomOut, 'aria-label': 'Zoom out'}, '−'),
      h('button', {type: 'button', class: 'small', onClick: left, 'aria-label': 'Pan left'}, '←'),
      h('button', {type: 'button', class: 'small', onClick: right, 'aria-label': 'Pan right'}, '→'),
      h('button', {type: 'button', class: 'small', onClick: reset}, 'Reset')),
    h('div', {ref: box, class: 'chart-canvas', tabIndex: 0, onKeyDown: keys,
      'aria-label': `${title}: chart of history, forecast and ${bandNames(data)} intervals; + and - zoom, arrows pan, 0 resets`}),
    h('figcaption', {class: 'muted'}, `Shaded: ${bandNames(data)} prediction intervals (narrower darker). Drag to zoom, wheel to zoom, double-click to reset.`),
    data.markers && data.markers.length > 0 && h('ul', {class: 'markers', id: 'covariate-markers', 'aria-label': 'Covariate markers on the time axis'},
      data.markers.map((m, row) => h('li', {key: m.name, 'data-marker': m.name},
        h('span', {class: `swatch marker-${row % MARKER_COLORS.length}`}), ' ',
        `${m.name}: ${m.at.length} marked (${m.at.slice(0, 3).map((i) => data.labels[i]).join(', ')}${m.at.length > 3 ? ', …' : ''})`))));
}

function bandNames(data) {
  const names = data.y.bands.map((b) => b.level + '%').reverse();
  return names.length ? names.join(', ') : 'no';
}

function zoomAt(u, data, factor, center) {
  const {min, max} = u.scales.x;
  const c = center ?? (min + max) / 2;
  const span = Math.max(4, (max - min) * factor);
  const total = data.x.length - 1;
  let lo = c - (c - min) * (span / (max - min));
  lo = Math.max(0, Math.min(lo, total - span));
  u.setScale('x', {min: lo, max: Math.min(total, lo + span)});
}

function pan(u, data, fraction) {
  const {min, max} = u.scales.x;
  const span = max - min;
  const total = data.x.length - 1;
  const lo = Math.max(0, Math.min(total - span, min + span * fraction));
  u.setScale('x', {min: lo, max: lo + span});
}
