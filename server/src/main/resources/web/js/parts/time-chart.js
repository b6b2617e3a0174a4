// A small live line chart over time (uPlot): the Performance view draws its figures with it. The
// plot is made once and fed new columns as the figures arrive; its width follows its box.

import {h} from 'preact';
import {useEffect, useRef} from 'preact/hooks';
import uPlot from 'uplot';
import {AXIS_FONT, fitAxisToLabels} from './chart.js';

/**
 * series: [{label, color}]; data: [xs (unix seconds), ys of series 0, ys of series 1, ...];
 * unit: shown on the y axis and in the legend values.
 */
export function TimeChart({id, title, series, data, unit}) {
  const box = useRef(null);
  const plot = useRef(null);
  const points = data[0].length;

  useEffect(() => {
    const el = box.current;
    const width = () => Math.max(200, el.clientWidth);
    const fmt = (u, v) => (v == null ? '–' : `${Number(v.toPrecision(4))} ${unit}`);
    const u = new uPlot({
      width: width(),
      height: 180,
      legend: {live: true},
      scales: {y: {range: (u_, min, max) => [Math.min(0, min), max > 0 ? max * 1.1 : 1]}},
      axes: [{font: AXIS_FONT}, {font: AXIS_FONT, size: fitAxisToLabels,
        values: (u_, ticks) => ticks.map((t) => Number(t.toPrecision(3)) + '')}],
      series: [{label: 'time'}, ...series.map((s) => ({label: s.label, stroke: s.color, width: 1.5, spanGaps: true, value: fmt}))],
    }, data, el);
    plot.current = u;
    const ro = new ResizeObserver(() => u.setSize({width: width(), height: 180}));
    ro.observe(el);
    return () => {
      ro.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, []);

  useEffect(() => {
    if (plot.current) plot.current.setData(data);
  }, [data]);

  return h('figure', {class: 'chart perf-chart', id, 'data-points': points},
    h('figcaption', null, h('strong', null, title), ' ', h('span', {class: 'muted'}, `(${unit})`)),
    h('div', {ref: box, class: 'chart-canvas', role: 'img',
      'aria-label': `${title}: ${series.map((s) => s.label).join(', ')} over time, ${points} points`}));
}
