import type { IndicatorCounts } from '../../../domain/indicators/counts.ts';
import type { Ratio } from '../../../domain/indicators/formulas.ts';
import type { ReportRow } from '../../../domain/indicators/report.ts';
import { averageDaysLabel, countLabels, ratioLabels } from '../../../reports/labels.ts';
import { scrollTable } from '../../components/table.ts';
import { dateTimeText } from '../../format.ts';
import { type Html, html, safeUrl } from '../../html.ts';
import type { Page } from '../../layout.ts';
import { paths } from '../../paths.ts';
import { barChart, formatNumber } from '../../svg-chart.ts';
import { originText, periodText, type ReportView, statusText } from './common.ts';

/** One agency under the report's root, with its subtree's counts (from the report's JSON file). */
export interface AgencyBreakdownRow {
  agencyId: string;
  name: string;
  counts: Pick<IndicatorCounts, 'received' | 'resolved' | 'resolvedLate' | 'inProgressOverdue'>;
}

export interface ReportPageData {
  report: ReportView;
  /**
   * The agencies directly under the report's agency; undefined when the breakdown could not be read
   * (the page then points to the downloads), empty when there are none.
   */
  breakdown?: readonly AgencyBreakdownRow[];
}

/** The chart shows this many agencies at most: a province has a hundred, and the page stays far below 100 KB. */
export const agencyChartLimit = 10;

const percentFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** Shown for a figure a report stored before the platform computed it does not hold. */
const notInOldReport = 'Không có trong báo cáo này (lập trước khi có chỉ số)';

/** "85,71 % (6/7)", or that there is nothing to divide by. */
export function ratioText(r: Ratio | undefined): string {
  if (r === undefined) return notInOldReport;
  if (r.value === null) return 'Chưa có số liệu (mẫu số bằng 0)';
  return `${percentFormat.format(r.value * 100)} % (${formatNumber(r.numerator)}/${formatNumber(r.denominator)})`;
}

const summaryCounts = [
  'received',
  'carriedOver',
  'newReceived',
  'newOnline',
  'newDirect',
  'newPost',
  'resolved',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'inProgress',
  'inProgressWithinTime',
  'inProgressOverdue',
  'inProgressWithinOriginalDue',
  'supplementRequests',
  'refused',
  'withdrawn',
  'stopped',
  'newUnderOnlineService',
  'newOnlineUnderOnlineService',
  'dvcqgSynced',
  'digitised',
  'electronicResults',
  'feeBearing',
  'paidOnline',
  'ratings',
  'satisfiedRatings',
  'dissatisfiedRatings',
  'feedbackReceived',
  'feedbackAnswered',
  'feedbackAnsweredOnTime',
] as const satisfies readonly (keyof IndicatorCounts)[];

const summaryRatios = [
  'processedOnTimeRate',
  'processedOnTimeRateWithExtension',
  'onTimeRate',
  'lateRate',
  'onTimeRateBeforeExtension',
  'inProgressWithinTimeRate',
  'dossierSyncRate',
  'onlineShare',
  'onlineShareOfOnlineServices',
  'fullyOnlineShare',
  'onlinePaymentShare',
  'digitisedDossierShare',
  'electronicResultShare',
  'satisfactionRate',
  'serviceSatisfactionRate',
  'feedbackAnsweredRate',
  'feedbackOnTimeRate',
] as const satisfies readonly (keyof typeof ratioLabels)[];

/** A ratio's label without the "(%)" the spreadsheets carry: the page writes the percent sign itself. */
const ratioLabel = (name: keyof typeof ratioLabels) => ratioLabels[name].replace(/ \(%\)$/, '');

function summaryTable(row: ReportRow): Html {
  const days = row.indicators.averageProcessingWorkingDays;
  return html`${scrollTable(
    'Số hồ sơ trong kỳ',
    html`<table>
      <caption>
        Số hồ sơ trong kỳ
      </caption>
      <thead>
        <tr>
          <th scope="col">Chỉ tiêu</th>
          <th scope="col">Số lượng</th>
        </tr>
      </thead>
      <tbody>
        ${summaryCounts.map(
          (name) =>
            html`<tr>
              <th scope="row">${countLabels[name]}</th>
              <td>${row.counts[name] === undefined ? notInOldReport : formatNumber(row.counts[name])}</td>
            </tr>`,
        )}
      </tbody>
    </table>`,
  )}
  ${scrollTable(
    'Tỷ lệ (tử số/mẫu số)',
    html`<table>
      <caption>
        Tỷ lệ (tử số/mẫu số)
      </caption>
      <thead>
        <tr>
          <th scope="col">Chỉ số</th>
          <th scope="col">Giá trị</th>
        </tr>
      </thead>
      <tbody>
        ${summaryRatios.map(
          (name) =>
            html`<tr>
              <th scope="row">${ratioLabel(name)}</th>
              <td>${ratioText(row.indicators[name])}</td>
            </tr>`,
        )}
        <tr>
          <th scope="row">${averageDaysLabel}</th>
          <td>${days === null ? 'Chưa có số liệu' : percentFormat.format(days)}</td>
        </tr>
      </tbody>
    </table>`,
  )}`;
}

const pointsFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const pointsText = (n: number | null) => (n === null ? 'Chưa có số liệu' : pointsFormat.format(n));

/**
 * The QĐ 766 score: the index, each group's score out of its weight, and every indicator with its
 * points, the counts behind its ratio and the points it earned, so a reader can recompute them.
 * Reports stored before the five-group score have no `indicators` in their groups: they are told so.
 */
function groupTable(row: ReportRow): Html {
  const groups = row.indicators.groups;
  const index = row.indicators.index;
  if (!index || groups.some((g) => !Array.isArray(g.indicators))) {
    return html`<p class="hint">
      Báo cáo này được lập trước khi hệ thống chấm điểm theo 5 nhóm chỉ số của Quyết định 766/QĐ-TTg. Hãy yêu cầu lập
      lại báo cáo cho kỳ này để xem điểm.
    </p>`;
  }
  return html`<p>
      <strong>Điểm Bộ chỉ số: ${pointsText(index.score)}</strong> trên ${formatNumber(index.outOf)} điểm của các nhóm có
      số liệu (thang 100).
    </p>
    ${scrollTable(
      'Điểm theo nhóm chỉ số',
      html`<table>
        <caption>
          Điểm theo nhóm chỉ số (Quyết định 766/QĐ-TTg)
        </caption>
        <thead>
          <tr>
            <th scope="col">Nhóm chỉ số</th>
            <th scope="col">Trọng số</th>
            <th scope="col">Điểm nhóm</th>
            <th scope="col">Điểm đạt / điểm đo được</th>
          </tr>
        </thead>
        <tbody>
          ${groups.map(
            (g) =>
              html`<tr>
                <th scope="row">${g.vi}</th>
                <td>${formatNumber(g.weight)}</td>
                <td>${pointsText(g.score)}</td>
                <td>${pointsFormat.format(g.earnedPoints)} / ${formatNumber(g.assessedPoints)}</td>
              </tr>`,
          )}
        </tbody>
      </table>`,
    )}
    ${scrollTable(
      'Chi tiết từng chỉ số',
      html`<table>
        <caption>
          Chi tiết từng chỉ số
        </caption>
        <thead>
          <tr>
            <th scope="col">Chỉ số</th>
            <th scope="col">Điểm tối đa</th>
            <th scope="col">Tỷ lệ (tử số/mẫu số)</th>
            <th scope="col">Điểm đạt</th>
          </tr>
        </thead>
        <tbody>
          ${groups.flatMap((g) =>
            g.indicators.map(
              (i) =>
                html`<tr>
                  <th scope="row">${i.id}. ${i.vi}</th>
                  <td>
                    ${formatNumber(i.points)}${
                      i.target < 1 ? ` (đủ điểm từ ${percentFormat.format(i.target * 100)} %)` : ''
                    }
                  </td>
                  <td>${i.ratio ? ratioText(i.ratio) : (i.notMeasured ?? 'Không đo được')}</td>
                  <td>${i.ratio ? pointsText(i.score) : 'Không tính điểm'}</td>
                </tr>`,
            ),
          )}
        </tbody>
      </table>`,
    )}
    <p class="hint">
      Mỗi chỉ số được điểm tối đa nhân tỷ lệ đạt (đủ điểm khi đạt ngưỡng). Điểm nhóm bằng trọng số nhân điểm đạt chia
      cho tổng điểm tối đa của các chỉ số đo được; chỉ số hệ thống không có dữ liệu không được tính điểm. Tiến độ tính
      theo hẹn trả ban đầu: hồ sơ giải quyết trong thời gian gia hạn là quá hạn.
    </p>`;
}

function charts(row: ReportRow): Html {
  const c = row.counts;
  return html`${barChart({
    id: 'bieu-do-ket-qua',
    title: 'Hồ sơ theo kết quả giải quyết',
    description: 'Biểu đồ cột ngang, số hồ sơ đã giải quyết và đang giải quyết trong kỳ theo tiến độ.',
    labelHeader: 'Kết quả',
    valueHeader: 'Số hồ sơ',
    bars: [
      { label: 'Giải quyết trước hạn', value: c.resolvedEarly },
      { label: 'Giải quyết đúng hạn', value: c.resolvedOnTime },
      { label: 'Giải quyết trễ hạn', value: c.resolvedLate },
      { label: 'Đang giải quyết trong hạn', value: c.inProgressWithinTime },
      { label: 'Đang giải quyết quá hạn', value: c.inProgressOverdue },
    ],
  })}
  ${barChart({
    id: 'bieu-do-kenh',
    title: 'Hồ sơ mới tiếp nhận theo kênh',
    description:
      'Biểu đồ cột ngang, số hồ sơ mới tiếp nhận trong kỳ theo kênh nộp; trực tuyến gồm cả hồ sơ từ Cổng Dịch vụ công quốc gia.',
    labelHeader: 'Kênh',
    valueHeader: 'Số hồ sơ',
    bars: [
      { label: 'Trực tuyến (gồm Cổng DVCQG)', value: c.newOnline },
      { label: 'Trực tiếp tại Bộ phận Một cửa', value: c.newDirect },
      { label: 'Qua bưu chính', value: c.newPost },
    ],
  })}`;
}

function agencyChart(data: ReportPageData): Html | '' {
  if (data.breakdown === undefined) {
    return html`<p class="hint">Số liệu theo cơ quan trực thuộc có trong các tệp tải về.</p>`;
  }
  if (data.breakdown.length === 0) return '';
  const top = [...data.breakdown]
    .sort((a, b) => b.counts.received - a.counts.received || a.name.localeCompare(b.name, 'vi'))
    .slice(0, agencyChartLimit);
  const more = data.breakdown.length > top.length;
  return html`${barChart({
    id: 'bieu-do-co-quan',
    title: 'Hồ sơ tiếp nhận theo cơ quan trực thuộc',
    description: `Biểu đồ cột ngang, tổng số hồ sơ tiếp nhận trong kỳ của ${
      more
        ? `${formatNumber(top.length)} cơ quan có nhiều hồ sơ nhất trong ${formatNumber(data.breakdown.length)} cơ quan`
        : 'từng cơ quan'
    } (gồm các đơn vị trực thuộc của cơ quan đó).`,
    labelHeader: 'Cơ quan',
    valueHeader: 'Số hồ sơ tiếp nhận',
    bars: top.map((r) => ({ label: r.name, value: r.counts.received })),
  })}
  ${
    more
      ? html`<p class="hint">
          Chỉ hiện ${formatNumber(top.length)} trên ${formatNumber(data.breakdown.length)} cơ quan trực thuộc có nhiều
          hồ sơ nhất. Số liệu đầy đủ của mọi cơ quan có trong các tệp tải về.
        </p>`
      : ''
  }`;
}

function downloads(report: ReportView): Html {
  const links = report.downloads ?? {};
  const minutes = Math.max(1, Math.round((report.downloadsExpireInSeconds ?? 300) / 60));
  const files = [
    { format: 'xlsx', text: 'Tải bảng tính Excel (XLSX)' },
    { format: 'csv', text: 'Tải tệp CSV' },
    { format: 'json', text: 'Tải tệp JSON' },
  ] as const;
  return html`<h2>Tải về</h2>
    <ul>
      ${files.map((f) => {
        const url = links[f.format];
        return url ? html`<li><a href="${safeUrl(url)}">${f.text}</a></li>` : '';
      })}
    </ul>
    <p class="hint">
      Các liên kết tải về chỉ có hiệu lực ${formatNumber(minutes)} phút. Khi hết hạn, hãy
      <a href="${paths.report(report.id)}">tải lại trang này</a> để nhận liên kết mới.
    </p>`;
}

/** One report: computing (with a link to look again), or its indicators, charts and downloads. */
export function reportPage(data: ReportPageData): Page {
  const { report } = data;
  const title = `Báo cáo ${periodText(report.period.id)} – ${report.agency.name}`;
  const facts = html`<dl>
    <dt>Cơ quan</dt>
    <dd>${report.agency.name} (${report.agency.id})</dd>
    <dt>Kỳ báo cáo</dt>
    <dd>${periodText(report.period.id)}</dd>
    <dt>Tình trạng</dt>
    <dd><span class="status">${statusText[report.status] ?? report.status}</span></dd>
    <dt>Nguồn</dt>
    <dd>${originText[report.origin] ?? report.origin}</dd>
    <dt>Yêu cầu lúc</dt>
    <dd><time datetime="${report.requestedAt}">${dateTimeText(report.requestedAt)}</time></dd>
    ${
      report.readyAt
        ? html`<dt>Hoàn thành lúc</dt>
            <dd><time datetime="${report.readyAt}">${dateTimeText(report.readyAt)}</time></dd>`
        : ''
    }
  </dl>`;
  const back = html`<p><a href="${paths.reports}">Về danh sách báo cáo</a></p>`;

  if (report.status !== 'ready' || !report.summary) {
    return {
      title,
      main: html`<h1>${title}</h1>
        ${facts}
        <p role="status">Báo cáo đang được tính toán, thường mất dưới một phút.</p>
        <p><a class="button" href="${paths.report(report.id)}">Tải lại</a></p>
        ${back}`,
    };
  }
  return {
    title,
    main: html`<h1>${title}</h1>
      ${facts} ${downloads(report)}
      <h2>Tổng hợp chỉ số</h2>
      ${summaryTable(report.summary)}
      <h2>Biểu đồ</h2>
      ${charts(report.summary)} ${agencyChart(data)}
      <h2>Điểm theo nhóm chỉ số</h2>
      ${groupTable(report.summary)} ${back}`,
  };
}
