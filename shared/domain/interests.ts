/**
 * What a queue consumer acts on. A relay sends an event only to the consumers whose interest it
 * matches, so no worker is invoked for an event it would drop (docs/design.md §10); each consumer's
 * own guard is the same predicate. A consumer without an interest takes every event of its types.
 */
export const interests = [
  'routes-filing',
  'issues-forms',
  'signs-result',
  'notifies',
  'emails-applicant',
  'texts-applicant',
  'syncs-status',
  'books-shipment',
] as const;
export type Interest = (typeof interests)[number];
