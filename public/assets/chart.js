import { h, replace, svg, uid } from './dom.js';
import { shorten } from './format.js';
import { t } from './i18n.js';

/**
 * Planned vs achieved as bullet rows, one per indicator, drawn as inline SVG (no library). Each row
 * has its own scale (a count of persons and a sum in euros cannot share one): the grey track is
 * the larger of plan and achievement, the bar is the achievement in its status colour, the dark
 * tick is the plan. The figures are written on every row and the same data is in a table under
 * the chart, so nothing depends on seeing colour or shape.
 *
 * The SVG is drawn at the width it gets (one unit = one pixel) and again when that changes, so the
 * text stays readable from a phone to a wide screen instead of scaling with the picture.
 *
 *   rows: [{ label, title, planned, achieved, status, valueText }]
 */
const CHAR = 7;
const BAR = 14;

export function bulletChart(rows, { caption }) {
  const holder = h('div', { class: 'chart-holder' });
  let drawnWidth = 0;
  const observer = new ResizeObserver((entries) => {
    const width = Math.floor(entries[0].contentRect.width);
    if (width > 0 && width !== drawnWidth) {
      drawnWidth = width;
      replace(holder, drawChart(rows, width, caption));
    }
  });
  observer.observe(holder);
  return h('figure', { class: 'chart-figure' }, holder, h('figcaption', {}, caption, ' ', legend()));
}

function drawChart(rows, width, caption) {
  const narrow = width < 560;
  const rowHeight = narrow ? 62 : 44;
  const titleId = uid('chart-title');
  return svg(
    'svg',
    { class: 'chart', width, height: rows.length * rowHeight + 6, viewBox: `0 0 ${width} ${rows.length * rowHeight + 6}`, role: 'img', 'aria-labelledby': titleId },
    svg('title', { id: titleId }, caption),
    rows.map((row, i) => drawRow(row, i * rowHeight + 4, width, narrow)),
  );
}

function drawRow(row, top, width, narrow) {
  const scale = Math.max(row.planned, row.achieved, 1e-9);
  const x = (value) => Math.max(0, Math.min(width, (value / scale) * width));
  const valueChars = row.valueText.length;
  const labelChars = narrow ? Math.floor(width / CHAR) : Math.max(12, Math.floor(width / CHAR) - valueChars - 4);
  const valueY = narrow ? top + 32 : top + 13;
  const barY = narrow ? top + 40 : top + 20;
  return svg(
    'g',
    { class: `chart-row status-${row.status}` },
    svg('title', {}, row.title),
    svg('text', { x: 0, y: top + 13, class: 'chart-label' }, shorten(row.label, labelChars)),
    svg('text', { x: narrow ? 0 : width, y: valueY, class: 'chart-value', 'text-anchor': narrow ? 'start' : 'end' }, row.valueText),
    svg('rect', { x: 0, y: barY, width, height: BAR, class: 'chart-track', rx: 2 }),
    svg('rect', { x: 0, y: barY, width: x(row.achieved), height: BAR, class: 'chart-bar', rx: 2 }),
    svg('rect', { x: Math.min(width - 3, Math.max(0, x(row.planned) - 1.5)), y: barY - 4, width: 3, height: BAR + 8, class: 'chart-plan' }),
  );
}

function legend() {
  return h(
    'span',
    { class: 'chart-legend' },
    h('span', { class: 'legend-item' }, h('span', { class: 'legend-swatch swatch-bar', 'aria-hidden': 'true' }), t('chart.achieved')),
    h('span', { class: 'legend-item' }, h('span', { class: 'legend-swatch swatch-plan', 'aria-hidden': 'true' }), t('chart.planned')),
  );
}
