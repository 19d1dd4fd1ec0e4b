import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { catalogueRepository } from '#adapters/dynamo/catalogue-repository.ts';
import { documentRepository } from '#adapters/dynamo/document-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { documentFiles } from '#adapters/s3/document-files.ts';
import { config } from '#shared/config.ts';
import { queueHandler } from '#shared/queue/queue-handler.ts';
import { issueForms } from '#shared/use-cases/documents/issue-forms.ts';

export const handler = queueHandler(
  'issue-forms',
  issueForms({
    dossiers: dossierRepository(config.TABLE_NAME),
    catalogue: catalogueRepository(config.TABLE_NAME),
    agencies: agencyRepository(config.TABLE_NAME),
    documents: documentRepository(config.TABLE_NAME),
    store: documentFiles(),
    publicUrl: config.PUBLIC_URL,
  }),
);
