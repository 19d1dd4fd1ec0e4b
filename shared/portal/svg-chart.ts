/**
 * A horizontal bar chart as inline SVG, built on the server: no script, no image request, no inline
 * `style` (the CSP's style-src 'self' refuses it), only SVG presentation attributes. The SVG is one
 * image to assistive technology (role="img" with its title and description); the same numbers follow
 * in a data table, because a chart alone is not accessible.
 */
import { scrollTable } from './components/table.ts';
import { type Html, html } from './html.ts';

export interface Bar {
  label: string;
  value: number;
}

export interface BarChartOptions {
  /** Unique on the page: the ids of the title and description derive from it. */
  id: string;
  title: string;
  /** What the chart shows, in a sentence; the bars' values are added to it. */
  description: string;
  bars: readonly Bar[];
  /** The table's header of the label column, e.g. "Cơ quan". */
  labelHeader: string;
  /** The table's header of the value column, e.g. "Số hồ sơ". */
  valueHeader: string;
  /** How a value reads; vi-VN numbers (`1.234`) by default. */
  format?: (value: number) => string;
}

const numberFormat = new Intl.NumberFormat('vi-VN');
export const formatNumber = (value: number): string => numberFormat.format(value);

/** The drawing's own units; the SVG scales to the width of its container. */
const width = 640;
const valueRoom = 96;
export const maxBarWidth = width - valueRoom;
const rowHeight = 46;
const labelLength = 80;

const clip = (label: string) => (label.length > labelLength ? `${label.slice(0, labelLength - 1)}…` : label);
const round = (n: number) => Math.round(n * 100) / 100;

/** Each bar's width in drawing units, proportional to the largest value; zero (not NaN) when all are zero. */
export function barWidths(values: readonly number[]): number[] {
  const max = Math.max(0, ...values);
  return values.map((v) => (max > 0 && v > 0 ? round((v / max) * maxBarWidth) : 0));
}

export function barChart(options: BarChartOptions): Html {
  const format = options.format ?? formatNumber;
  const { id, bars } = options;
  const titleId = `${id}-tieu-de`;
  const descId = `${id}-mo-ta`;
  const widths = barWidths(bars.map((b) => b.value));
  const allZero = bars.every((b) => b.value === 0);
  const values = bars.map((b) => `${b.label}: ${format(b.value)}`).join('; ');
  const description = `${options.description} ${allZero ? 'Tất cả bằng 0. ' : ''}${values}.`;
  const height = bars.length * rowHeight + 8;

  if (bars.length === 0) {
    return html`<figure id="${id}">
      <figcaption>${options.title}</figcaption>
      <p>Không có số liệu.</p>
    </figure>`;
  }
  // prettier-ignore
  const rows = bars.map((bar, i) => {
    const y = i * rowHeight;
    const barWidth = widths[i] ?? 0;
    return html`<g><text x="0" y="${y + 16}" font-size="15" fill="#1a1a1a">${clip(bar.label)}</text><rect x="0" y="${y + 22}" width="${barWidth}" height="18" fill="#0b4f9c"></rect><text x="${barWidth + 6}" y="${y + 36}" font-size="15" font-weight="700" fill="#1a1a1a">${format(bar.value)}</text></g>`;
  });
  // prettier-ignore
  return html`<figure id="${id}">
      <figcaption>${options.title}</figcaption>
      <svg role="img" aria-labelledby="${titleId} ${descId}" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" font-family="system-ui, Arial, sans-serif" xmlns="http://www.w3.org/2000/svg"><title id="${titleId}">${options.title}</title><desc id="${descId}">${description}</desc>${rows}</svg>
      <details>
        <summary>Bảng số liệu: ${options.title}</summary>
        ${scrollTable(`Bảng số liệu: ${options.title}`, html`<table>
            <thead><tr><th scope="col">${options.labelHeader}</th><th scope="col">${options.valueHeader}</th></tr></thead>
            <tbody>${bars.map((bar) => html`<tr><th scope="row">${bar.label}</th><td>${format(bar.value)}</td></tr>`)}</tbody>
          </table>`)}
      </details>
    </figure>`;
}
