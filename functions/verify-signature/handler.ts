import { documentRepository } from '#adapters/dynamo/document-repository.ts';
import { documentFiles } from '#adapters/s3/document-files.ts';
import { configuredSigner } from '#adapters/signing/signer.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { maxVerifiedPdfBytes, VerifyBody, verifySignature } from '#shared/use-cases/documents/verify-signature.ts';

const verify = verifySignature({
  documents: documentRepository(config.TABLE_NAME),
  store: documentFiles(),
  signer: configuredSigner(),
});

export const handler = httpHandler('verify-signature', {
  schemas: { body: VerifyBody },
  maxBodyBytes: Math.ceil(maxVerifiedPdfBytes / 3) * 4 + 1024,
}).handle(async ({ body }) => ({ status: 200, body: await verify(body) }));
