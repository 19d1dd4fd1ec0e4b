/**
 * `npm run refresh-facts -- <code> [<code>…]`: writes each dossier's indicator fact again from the dossier as
 * stored, from its filing month to now, with the functions' environment (TABLE_NAME, AWS_REGION and, locally,
 * AWS_ENDPOINT_URL_DYNAMODB, …). For the records `record-indicators` left to its dead-letter queue (docs/runbook.md
 * section 8): a dossier written again since has its fact already; this brings the others up to date. Idempotent:
 * a fact is replaced only by a newer version or more evidence. Exits 1 when a code is malformed or unknown.
 */
import { dossierCodePattern } from '../shared/domain/dossier/code.ts';

const codes = process.argv.slice(2).filter((arg) => arg !== '--');
if (codes.length === 0) {
  console.error('Cách dùng: npm run refresh-facts -- <mã hồ sơ> [<mã hồ sơ>…]');
  process.exit(2);
}
// After the usage check: the composition reads the functions' configuration when it loads.
const { recordIndicators } = await import('../shared/composition/record-indicators.ts');
const { dossierRepository } = await import('../shared/adapters/dynamo/dossier-repository.ts');
const { config } = await import('../shared/config.ts');

const dossiers = dossierRepository(config.TABLE_NAME);
let failed = false;
for (const code of codes) {
  const stored = dossierCodePattern.test(code) ? await dossiers.get(code) : undefined;
  if (!stored) {
    console.log(`${code}: không tìm thấy hồ sơ`);
    failed = true;
    continue;
  }
  await recordIndicators({
    dossierCode: code,
    occurredAt: new Date().toISOString(),
    fromFiling: true,
    dossier: stored.dossier,
  });
  console.log(`${code}: đã ghi lại số liệu chỉ số (phiên bản ${stored.dossier.version})`);
}
process.exitCode = failed ? 1 : 0;
