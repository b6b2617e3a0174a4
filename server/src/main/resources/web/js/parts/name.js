// Names users chose (SKUs, datasets, files, users) shown in the page. Each is bidi-isolated: a
// right-to-left override inside a name (`SKU\u202Egnp.exe`) may reorder the name itself but never
// the text around it, so "3 series" after a name still reads "3 series".

import {h} from 'preact';

/** A name in the DOM: a `<bdi>` (an isolate, whatever the direction of its text). */
export const Name = ({text}) => h('bdi', {class: 'name'}, text);

/**
 * A name in plain text (option labels, tooltips, the chart's title): wrapped in FIRST STRONG
 * ISOLATE ... POP DIRECTIONAL ISOLATE, the characters `<bdi>` stands for.
 */
export const isolate = (text) => '\u2068' + text + '\u2069';
