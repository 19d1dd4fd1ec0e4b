import { businessMetrics } from '#adapters/business-metrics.ts';
import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { catalogueRepository } from '#adapters/dynamo/catalogue-repository.ts';
import { documentRepository } from '#adapters/dynamo/document-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { documentFiles } from '#adapters/s3/document-files.ts';
import { configuredSigner } from '#adapters/signing/signer.ts';
import { config } from '#shared/config.ts';
import { queueHandler } from '#shared/queue/queue-handler.ts';
import { signResult } from '#shared/use-cases/documents/sign-result.ts';

const dossiers = dossierRepository(config.TABLE_NAME);

export const handler = queueHandler(
  'sign',
  signResult({
    dossiers,
    agencies: agencyRepository(config.TABLE_NAME),
    catalogue: catalogueRepository(config.TABLE_NAME),
    documents: documentRepository(config.TABLE_NAME),
    store: documentFiles(),
    signer: configuredSigner(),
    publicUrl: config.PUBLIC_URL,
    now: () => new Date(),
  }),
  { failures: { metric: 'SigningFailures', metrics: businessMetrics } },
);
