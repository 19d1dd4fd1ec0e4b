import * as z from 'zod/mini';
import type { AgencyRegisterSource } from '../ports/agency-register-source.ts';
import type { AgencyRepository } from '../ports/agency-repository.ts';
import type { DocumentStore } from '../ports/document-store.ts';
import type { Presigner } from '../ports/presigner.ts';
import { registerFileName, renderRegisterPdf, renderRegisterXlsx } from '../../documents/register.ts';
import type { Caller } from '../../domain/caller.ts';
import { downloadWindowSeconds } from '../../domain/documents/document.ts';
import { canReadRegister, registerDays, registerLines } from '../../domain/dossier/register.ts';
import { RuleViolation } from '../../domain/rule-violation.ts';
import { toVnIso } from '../../domain/time.ts';

const localDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày có dạng YYYY-MM-DD'));

/** `GET /v1/agencies/{id}/register?from=…&to=…&format=pdf|xlsx`. */
export const RegisterQuery = z.strictObject({
  from: localDate,
  to: localDate,
  format: z._default(z.enum(['pdf', 'xlsx']), 'pdf'),
});

export interface AgencyRegisterDeps {
  source: Pick<AgencyRegisterSource, 'filedOn'>;
  agencies: Pick<AgencyRepository, 'get'>;
  store: Pick<DocumentStore, 'put'>;
  files: Pick<Presigner, 'presignDownload'>;
  now: () => Date;
}

const contentTypes = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * Form 07, the agency's register of dossiers (Thông tư 03/2025/TT-VPCP, phụ lục I, mẫu số 07) over a
 * period of at most a quarter, drawn up on demand: every dossier filed with the agency on those days,
 * as it stands now. Written under `registers/` and handed out as a download of a few minutes, like a
 * report. Its own officials, auditors and admins only; anyone else is told the agency does not exist.
 */
export function agencyRegister(deps: AgencyRegisterDeps) {
  return async (caller: Caller, agencyId: string, query: z.output<typeof RegisterQuery>) => {
    const agency = canReadRegister(caller, agencyId) ? await deps.agencies.get(agencyId) : undefined;
    if (!agency) throw new RuleViolation('not-found', 'not-found', 'Không tìm thấy cơ quan.');
    const days = registerDays(query.from, query.to);
    const now = deps.now();
    const dossiers = await deps.source.filedOn(agency.id, days);
    const handling = [...new Set(dossiers.map((d) => d.competentAgencyId))].filter((id) => id !== agency.id);
    const others = await Promise.all(handling.map((id) => deps.agencies.get(id)));
    const names = Object.fromEntries([agency, ...others].flatMap((a) => (a ? [[a.id, a.name] as const] : [])));
    const input = {
      agencyName: agency.name,
      from: query.from,
      to: query.to,
      lines: registerLines(dossiers, names, now),
      issuedAt: now,
    };
    const bytes = query.format === 'pdf' ? await renderRegisterPdf(input) : renderRegisterXlsx(input);
    const generatedAt = toVnIso(now);
    const key = `registers/${agency.id}/${query.from}_${query.to}/${generatedAt.replace(/[:+]/g, '')}.${query.format}`;
    await deps.store.put(key, bytes, contentTypes[query.format]);
    const fileName = registerFileName(agency.id, query.from, query.to, query.format);
    return {
      agencyId: agency.id,
      agencyName: agency.name,
      from: query.from,
      to: query.to,
      format: query.format,
      dossiers: input.lines.length,
      generatedAt,
      download: await deps.files.presignDownload(key, downloadWindowSeconds, fileName),
      downloadExpiresInSeconds: downloadWindowSeconds,
    };
  };
}
