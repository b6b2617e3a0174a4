// A list that renders only the rows in view (plus a few above and below): the DOM holds a few
// dozen rows whether the list has 50 items or 100,000. Rows have one fixed height.

import {h} from 'preact';
import {useEffect, useRef, useState} from 'preact/hooks';

const OVERSCAN = 6;

export function VirtualList({items, rowHeight, renderRow, onNearEnd, label, className}) {
  const box = useRef(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(400);

  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const measure = () => setHeight(el.clientHeight || 400);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const n = items.length;
  const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
  const last = Math.min(n, Math.ceil((top + height) / rowHeight) + OVERSCAN);

  useEffect(() => {
    if (onNearEnd && last >= n - OVERSCAN) onNearEnd();
  }, [last, n]);

  const rows = [];
  for (let i = first; i < last; i++) {
    rows.push(h('div', {
      key: typeof items[i] === 'string' ? items[i] : i,
      class: 'vrow',
      role: 'listitem',
      style: {top: i * rowHeight + 'px', height: rowHeight + 'px'},
    }, renderRow(items[i], i)));
  }
  return h('div', {
    ref: box,
    class: 'vlist ' + (className || ''),
    role: 'list',
    'aria-label': label,
    tabIndex: 0,
    onScroll: (e) => setTop(e.currentTarget.scrollTop),
  }, h('div', {class: 'vlist-space', style: {height: n * rowHeight + 'px'}}, rows));
}
