import { documentRepository } from '#adapters/dynamo/document-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { documentFiles } from '#adapters/s3/document-files.ts';
import { configuredTrustedRoots } from '#adapters/signing/trusted-roots.ts';
import { httpHandler } from '#http/http-handler.ts';
import { pinCheckDeps } from '#shared/composition/pin-check.ts';
import { config } from '#shared/config.ts';
import { maxVerifiedPdfBytes, VerifyBody, verifySignature } from '#shared/use-cases/documents/verify-signature.ts';
import { clientAddress } from '#http/client-address.ts';
import { platformOriginSecret } from '#http/platform-origin-secret.ts';

const verify = verifySignature({
  documents: documentRepository(config.TABLE_NAME),
  store: documentFiles(),
  trustedRoots: configuredTrustedRoots(),
  ...pinCheckDeps(dossierRepository(config.TABLE_NAME)),
});

export const handler = httpHandler('verify-signature', {
  originSecret: platformOriginSecret,
  schemas: { body: VerifyBody },
  maxBodyBytes: Math.ceil(maxVerifiedPdfBytes / 3) * 4 + 1024,
  middlewares: [clientAddress.middleware],
}).handle(async (request) => ({ status: 200, body: await verify(request.body, clientAddress.of(request)) }));
