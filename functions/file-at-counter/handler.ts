import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { fileDossier } from '#shared/composition/file-dossier.ts';
import { config } from '#shared/config.ts';
import { RuleViolation } from '#shared/domain/rule-violation.ts';
import { CounterDossierBody } from '#shared/use-cases/file-dossier.ts';

const agencies = agencyRepository(config.TABLE_NAME);

export const handler = httpHandler('file-at-counter', {
  schemas: { body: CounterDossierBody },
}).handle(async ({ caller, body, idempotencyKey }) => {
  // The dossier goes to a citizen's account only. Citizens are known to the identity provider alone;
  // officials are on the roster, so a subject found there (the receiver, an admin, a leader) is refused.
  if (body.applicantSub && (await agencies.getOfficial(body.applicantSub))) {
    throw new RuleViolation(
      'invalid',
      'applicant-not-citizen',
      'Tài khoản được gắn hồ sơ phải là tài khoản công dân, không phải tài khoản cán bộ.',
    );
  }
  const receipt = await fileDossier(caller, body, 'counter', undefined, idempotencyKey);
  return { status: 201, body: receipt, headers: { location: `/v1/dossiers/${receipt.code}` } };
});
