import { quotaCounter } from '../adapters/dynamo/quota-counter.ts';
import { config } from '../config.ts';
import { type QuotaLimits, quotas } from '../use-cases/quotas.ts';

const day = 24 * 60 * 60;

/** The configured limits (shared/config.ts). */
export const quotaLimits: QuotaLimits = {
  filings: { limit: config.FILINGS_PER_CITIZEN, windowSeconds: config.FILINGS_WINDOW_SECONDS },
  'upload-grants': { limit: config.UPLOAD_GRANTS_PER_DOSSIER, windowSeconds: day },
  feedback: { limit: config.FEEDBACK_PER_CITIZEN, windowSeconds: day },
  sms: { limit: config.SMS_PER_RECIPIENT_PER_DAY, windowSeconds: day },
  email: { limit: config.EMAILS_PER_RECIPIENT_PER_DAY, windowSeconds: day },
  'contact-codes': { limit: config.CONTACT_CODE_ATTEMPTS_PER_DAY, windowSeconds: day },
};

/** The quotas counted in the platform's table. */
export const platformQuotas = quotas(quotaCounter(config.TABLE_NAME), quotaLimits);
