import { html, type Html } from './html.ts';
import type { PageContext } from './layout.ts';
import { csrfField } from './session.ts';

/** The field holding a form's Idempotency-Key: rendered once per form, so a resubmission repeats it. */
export const keyField = '_key';

/**
 * The hidden fields every form of a signed-in page carries: the session's CSRF token and, for a form
 * that changes something, a fresh Idempotency-Key (the API answers a resubmitted form with its first answer).
 */
export function formSecrets(page: PageContext, idempotencyKey?: string): Html {
  return html`${page.session ? html`<input type="hidden" name="${csrfField}" value="${page.session.csrf}" />` : ''}${
    idempotencyKey ? html`<input type="hidden" name="${keyField}" value="${idempotencyKey}" />` : ''
  }`;
}

/** A submitted form's key, when it looks like one we rendered (a UUID); else none, so nothing is replayed wrongly. */
export function submittedKey(value: string): string | undefined {
  return /^[0-9a-f-]{36}$/i.test(value) ? value : undefined;
}
