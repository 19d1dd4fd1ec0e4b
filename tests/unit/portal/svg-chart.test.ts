import { describe, expect, it } from 'vitest';
import { barChart, barWidths, maxBarWidth } from '../../../shared/portal/svg-chart.ts';

const chart = (bars: { label: string; value: number }[]) =>
  barChart({
    id: 'bieu-do',
    title: 'Hồ sơ theo kết quả',
    description: 'Số hồ sơ theo kết quả giải quyết.',
    labelHeader: 'Kết quả',
    valueHeader: 'Số hồ sơ',
    bars,
  }).value;

const rectWidths = (svg: string) => [...svg.matchAll(/<rect [^>]*width="([^"]+)"/g)].map((m) => Number(m[1]));

describe('barChart', () => {
  it('is one image to assistive technology, labelled by its title and description', () => {
    const out = chart([{ label: 'Đúng hạn', value: 3 }]);
    expect(out).toContain('<svg role="img" aria-labelledby="bieu-do-tieu-de bieu-do-mo-ta"');
    expect(out).toContain('<title id="bieu-do-tieu-de">Hồ sơ theo kết quả</title>');
    expect(out).toMatch(/<desc id="bieu-do-mo-ta">Số hồ sơ theo kết quả giải quyết\. Đúng hạn: 3\.<\/desc>/);
  });

  it('gives the same numbers as a data table with row and column headers', () => {
    const out = chart([
      { label: 'Đúng hạn', value: 3 },
      { label: 'Trễ hạn', value: 1 },
    ]);
    expect(out).toContain('<th scope="col">Kết quả</th><th scope="col">Số hồ sơ</th>');
    expect(out).toContain('<tr><th scope="row">Đúng hạn</th><td>3</td></tr>');
    expect(out).toContain('<tr><th scope="row">Trễ hạn</th><td>1</td></tr>');
  });

  it('draws bars proportional to the values, the largest at full width', () => {
    const out = chart([
      { label: 'A', value: 50 },
      { label: 'B', value: 100 },
      { label: 'C', value: 25 },
    ]);
    expect(rectWidths(out)).toEqual([maxBarWidth / 2, maxBarWidth, maxBarWidth / 4]);
  });

  it('draws a zero as an empty bar with its label "0"', () => {
    const out = chart([
      { label: 'A', value: 4 },
      { label: 'B', value: 0 },
    ]);
    expect(rectWidths(out)).toEqual([maxBarWidth, 0]);
    expect(out).toMatch(/font-weight="700" fill="#1a1a1a">0<\/text>/);
  });

  it('draws all-zero data without dividing by zero, and says so', () => {
    expect(barWidths([0, 0, 0])).toEqual([0, 0, 0]);
    const out = chart([
      { label: 'A', value: 0 },
      { label: 'B', value: 0 },
    ]);
    expect(rectWidths(out)).toEqual([0, 0]);
    expect(out).not.toContain('NaN');
    expect(out).toContain('Tất cả bằng 0.');
  });

  it('says there is no data rather than drawing an empty image', () => {
    const out = chart([]);
    expect(out).not.toContain('<svg');
    expect(out).toContain('Không có số liệu.');
  });

  it('escapes labels in the drawing, the description and the table', () => {
    const out = chart([{ label: '<script>alert(1)</script> & "x"', value: 1 }]);
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    expect(out.match(/&lt;script&gt;/g)).toHaveLength(3);
  });

  it('formats numbers the Vietnamese way', () => {
    const out = chart([{ label: 'Tiếp nhận', value: 1234567 }]);
    expect(out).toContain('>1.234.567</text>');
    expect(out).toContain('<td>1.234.567</td>');
    expect(out).toContain('Tiếp nhận: 1.234.567.');
  });

  it('uses presentation attributes only: no inline style the CSP would refuse', () => {
    const out = chart([{ label: 'A', value: 1 }]);
    expect(out).not.toMatch(/\sstyle=/);
    expect(out).toContain('fill="#0b4f9c"');
  });

  it('shortens a very long label in the drawing but keeps it whole in the table', () => {
    const long = 'Ủy ban nhân dân '.repeat(10).trim();
    const out = chart([{ label: long, value: 1 }]);
    expect(out).toContain(`<th scope="row">${long}</th>`);
    expect(out).toMatch(/<text x="0"[^>]*>[^<]{79}…<\/text>/);
  });
});
