import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { readAuditLog } from '#adapters/dynamo/read-audit.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { DossierCodeParams } from '#shared/use-cases/get-dossier.ts';
import { PageQuery } from '#shared/use-cases/pagination.ts';
import { listDossierReads } from '#shared/use-cases/read-audit.ts';

const list = listDossierReads({ dossiers: dossierRepository(config.TABLE_NAME), log: readAuditLog(config.TABLE_NAME) });

export const handler = httpHandler('list-dossier-reads', {
  schemas: { params: DossierCodeParams, query: PageQuery },
}).handle(async ({ params, query }) => ({ status: 200, body: await list(params.code, query) }));
