/**
 * `npm run verify-timeline -- <code> [<code>…]`: checks each dossier's hash-chained timeline as
 * stored (TABLE_NAME, AWS_REGION and, locally, AWS_ENDPOINT_URL_DYNAMODB, like the functions) and
 * prints OK with the entry count or the first broken link. Exits 1 when any dossier is broken or
 * missing, 2 on wrong usage.
 */
import { dossierRepository } from '../shared/adapters/dynamo/dossier-repository.ts';
import { dossierCodePattern } from '../shared/domain/dossier/code.ts';
import { type TimelineVerification, verifyTimeline } from '../shared/domain/dossier/timeline-chain.ts';

const reasons: Record<Exclude<TimelineVerification, { ok: true }>['reason'], string> = {
  unchained: 'mục chưa được xâu chuỗi (ghi trước khi có chuỗi băm hoặc đã bị xoá trường băm)',
  'broken-link': 'liên kết tới mục trước không khớp (mục bị xoá, đổi chỗ hoặc chuyển từ hồ sơ khác)',
  'hash-mismatch': 'nội dung mục đã bị sửa',
};

function describeVerification(code: string, result: TimelineVerification): string {
  if (result.ok) return `${code}: OK (${result.entries} mục)`;
  return [
    `${code}: HỎNG tại mục ${result.index} (${result.action}, ${result.at}): ${result.reason} — ${reasons[result.reason]}`,
    `  mong đợi: ${result.expected}`,
    `  tìm thấy: ${result.found ?? '(không có)'}`,
  ].join('\n');
}

const codes = process.argv.slice(2).filter((arg) => arg !== '--');
const tableName = process.env.TABLE_NAME;
if (codes.length === 0 || !tableName) {
  console.error('Cách dùng: TABLE_NAME=… npm run verify-timeline -- <mã hồ sơ> [<mã hồ sơ>…]');
  process.exit(2);
}

const dossiers = dossierRepository(tableName);
let failed = false;
for (const code of codes) {
  if (!dossierCodePattern.test(code)) {
    console.log(`${code}: mã hồ sơ không đúng định dạng`);
    failed = true;
    continue;
  }
  const stored = await dossiers.get(code);
  if (!stored) {
    console.log(`${code}: không tìm thấy hồ sơ`);
    failed = true;
    continue;
  }
  const result = verifyTimeline(code, stored.dossier.timeline);
  console.log(describeVerification(code, result));
  if (!result.ok) failed = true;
}
process.exitCode = failed ? 1 : 0;
