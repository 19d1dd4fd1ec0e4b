/**
 * One sample request per HTTP route of the manifest, and what each caller the route lets through
 * gets back. The test derives the rest from the manifest's auth (401 without a token, 403 for a role
 * not listed) and fails when a route is missing here, so a new route cannot escape the matrix.
 *
 * Writes by allowed callers are chosen not to disturb the fixtures: a stale `expectedVersion`, an
 * unknown id, or a harmless creation. Ownership cases (another citizen, another agency) get 404.
 */
import type { FunctionName } from '../../../infra/manifest.ts';
import { demoProcedures } from '../../../infra/local/seed-catalogue.ts';
import { portalDossier } from '../../support/dvcqg.ts';
import { birthRegistration } from '../../support/http.ts';
import type { CallerKind } from './callers.ts';

export interface Fixtures {
  /** citizen-an's birth registration, routed to Phường Bắc Giang (24.07210). */
  code: string;
  /** citizen-an's feedback to the Sở Xây dựng (24.SXD). */
  feedbackId: string;
  /** A well-formed dossier code no dossier has. */
  missingCode: string;
  /** A fresh uuid per call site: an id nothing has. */
  uuid: () => string;
  /** A string unique to this run, for creations. */
  unique: () => string;
}

export interface Sample {
  /** The path with its parameters filled in. */
  path: string;
  body?: unknown;
}

export interface RouteProbe {
  sample: (f: Fixtures) => Sample;
  /**
   * The status of each caller the manifest lets through (a number: all of them). Role routes list
   * exactly the caller kinds holding an allowed role; public routes every kind; partner routes
   * `signed`, the status of a correctly signed call.
   */
  expect: number | Partial<Record<CallerKind | 'signed', number>>;
}

const sameDossierRules = {
  citizen: 200,
  otherCitizen: 404,
  receiver: 200,
  specialist: 404,
  leader: 200,
  otherOfficial: 404,
  admin: 404,
  auditor: 200,
} as const;

const [birth] = demoProcedures;
if (!birth) throw new Error('the demo catalogue is empty');
const { code: _code, version: _version, ...procedureBody } = birth;

export const routeTable: Record<string, RouteProbe> = {
  health: { sample: () => ({ path: '/v1/health' }), expect: 200 },
  'get-openapi': { sample: () => ({ path: '/v1/openapi.json' }), expect: 200 },
  // HTML pages, public; sign-in and the pages behind it come with issue #9.
  portal: { sample: () => ({ path: '/portal/trang-chu' }), expect: 200 },
  'submit-dossier': {
    sample: () => ({ path: '/v1/dossiers', body: birthRegistration() }),
    expect: { citizen: 201, otherCitizen: 201 },
  },
  'get-dossier': { sample: (f) => ({ path: `/v1/dossiers/${f.code}` }), expect: sameDossierRules },
  'list-my-notifications': { sample: () => ({ path: '/v1/me/notifications' }), expect: 200 },
  'file-at-counter': {
    sample: () => ({ path: '/v1/counter/dossiers', body: birthRegistration() }),
    expect: { receiver: 201 },
  },
  'act-on-dossier': {
    sample: (f) => ({ path: `/v1/dossiers/${f.code}/actions`, body: { type: 'receive', expectedVersion: 999 } }),
    expect: { ...sameDossierRules, citizen: 409, receiver: 409, leader: 409, auditor: 409 },
  },
  'get-dossier-timeline': { sample: (f) => ({ path: `/v1/dossiers/${f.code}/timeline` }), expect: sameDossierRules },
  'list-my-dossiers': { sample: () => ({ path: '/v1/me/dossiers' }), expect: 200 },
  // The receiver works at the commune's service centre (which holds the dossier at intake), the leader at
  // the commune (Nghị định 118/2025): each reads their own agency's queue and register only.
  'list-agency-dossiers': {
    sample: () => ({ path: '/v1/agencies/24.07210.TTPVHCC/dossiers' }),
    expect: { receiver: 200, leader: 404, auditor: 200, specialist: 404, otherOfficial: 404 },
  },
  'get-agency-register': {
    sample: () => ({ path: '/v1/agencies/24.07210/register?from=2026-03-01&to=2026-03-31&format=xlsx' }),
    expect: { receiver: 404, leader: 200, auditor: 200, admin: 200, specialist: 404, otherOfficial: 404 },
  },
  'lookup-dossier': {
    sample: (f) => ({ path: '/v1/dossier-lookups', body: { code: f.missingCode, pin: '123456' } }),
    expect: 404,
  },
  'print-receipt': {
    sample: (f) => ({ path: `/v1/dossiers/${f.missingCode}/forms/01`, body: { pin: '123456' } }),
    expect: 404,
  },
  'search-procedures': { sample: () => ({ path: '/v1/procedures?q=khai%20sinh' }), expect: 200 },
  'get-procedure': { sample: () => ({ path: `/v1/procedures/${birth.code}` }), expect: 200 },
  'put-procedure': {
    sample: () => ({ path: '/v1/procedures/1.999001', body: procedureBody }),
    expect: { admin: 201 },
  },
  'list-agencies': { sample: () => ({ path: '/v1/agencies' }), expect: 200 },
  'get-agency': { sample: () => ({ path: '/v1/agencies/24.07210' }), expect: 200 },
  'get-due-date': {
    sample: () => ({ path: '/v1/agencies/24.07210/due-date?receivedAt=2026-03-06T15:30:00%2B07:00&workingDays=1' }),
    expect: 200,
  },
  'put-agency': {
    sample: () => ({
      path: '/v1/agencies/24.SECPROBE',
      body: { name: 'Ban thử nghiệm bảo mật', level: 'department', parentId: '24.UBND' },
    }),
    expect: { admin: 201 },
  },
  'list-officials': {
    sample: () => ({ path: '/v1/agencies/24.07210/officials' }),
    expect: { leader: 200, admin: 200, otherOfficial: 404 },
  },
  'put-official': {
    sample: () => ({
      path: '/v1/agencies/24.STP/officials/sec-probe',
      body: { name: 'Cán bộ thử', roles: ['specialist'] },
    }),
    expect: { admin: 201 },
  },
  'get-holidays': { sample: () => ({ path: '/v1/holidays/2026' }), expect: 200 },
  'put-holidays': {
    sample: () => ({ path: '/v1/holidays/2031', body: { holidays: [{ date: '2031-01-01', name: 'Tết Dương lịch' }] } }),
    expect: { admin: 201 },
  },
  'request-document-upload': {
    sample: (f) => ({
      path: `/v1/dossiers/${f.code}/documents`,
      body: { slot: 0, contentType: 'application/pdf', size: 1024 },
    }),
    expect: { citizen: 201, otherCitizen: 404, receiver: 201 },
  },
  'complete-document-upload': {
    sample: (f) => ({ path: `/v1/dossiers/${f.code}/documents/${f.uuid()}/complete` }),
    expect: { citizen: 404, otherCitizen: 404, receiver: 404 },
  },
  'list-dossier-documents': { sample: (f) => ({ path: `/v1/dossiers/${f.code}/documents` }), expect: sameDossierRules },
  // The fixture is not yet received: whoever may read it is told the slip starts at receipt (409), anyone else 404.
  'print-control-slip': {
    sample: (f) => ({ path: `/v1/dossiers/${f.code}/control-slip` }),
    expect: {
      citizen: 409,
      otherCitizen: 404,
      receiver: 409,
      specialist: 404,
      leader: 409,
      otherOfficial: 404,
      admin: 404,
      auditor: 409,
    },
  },
  'verify-signature': {
    sample: (f) => ({ path: '/v1/signature-verifications', body: { code: f.missingCode, pin: '123456' } }),
    expect: 404,
  },
  'mark-notification-read': { sample: (f) => ({ path: `/v1/me/notifications/${f.uuid()}/read` }), expect: 404 },
  'get-notification-preferences': { sample: () => ({ path: '/v1/me/notification-preferences' }), expect: 200 },
  'put-notification-preferences': {
    sample: () => ({ path: '/v1/me/notification-preferences', body: { email: true, sms: true } }),
    expect: 200,
  },
  // No code was sent to either citizen's contacts in the fixtures: nothing to confirm.
  'confirm-contact': {
    sample: () => ({ path: '/v1/me/contact-confirmations', body: { code: '123456' } }),
    expect: { citizen: 422, otherCitizen: 422 },
  },
  'request-report': {
    sample: () => ({ path: '/v1/reports', body: { agencyId: '24.07210', periodKind: 'year', year: 2025 } }),
    expect: { leader: 202, admin: 202, auditor: 202, otherOfficial: 404 },
  },
  'list-reports': { sample: () => ({ path: '/v1/reports' }), expect: 200 },
  'get-report': { sample: () => ({ path: '/v1/reports/no-such-report' }), expect: 404 },
  'rate-dossier': {
    sample: (f) => ({ path: `/v1/dossiers/${f.code}/rating`, body: { score: 5 } }),
    expect: { citizen: 409, otherCitizen: 404 },
  },
  'file-feedback': {
    sample: () => ({
      path: '/v1/feedback',
      body: { title: 'Góp ý thử', content: 'Nội dung góp ý thử nghiệm.', agencyId: '24.SXD' },
    }),
    expect: { citizen: 201, otherCitizen: 201 },
  },
  'list-my-feedback': { sample: () => ({ path: '/v1/me/feedback' }), expect: 200 },
  'get-feedback': {
    sample: (f) => ({ path: `/v1/feedback/${f.feedbackId}` }),
    expect: {
      citizen: 200,
      otherCitizen: 404,
      receiver: 404,
      specialist: 200,
      leader: 404,
      otherOfficial: 404,
      admin: 404,
      auditor: 200,
    },
  },
  'list-agency-feedback': {
    sample: () => ({ path: '/v1/agencies/24.SXD/feedback' }),
    expect: { specialist: 200, auditor: 200, receiver: 404, leader: 404, otherOfficial: 404 },
  },
  'act-on-feedback': {
    sample: (f) => ({
      path: `/v1/feedback/${f.feedbackId}/actions`,
      body: { type: 'answer', expectedVersion: 999, text: 'Trả lời thử' },
    }),
    expect: { specialist: 409, receiver: 404, leader: 404, otherOfficial: 404 },
  },
  'list-published-feedback': { sample: () => ({ path: '/v1/public-feedback' }), expect: 200 },
  'get-published-feedback': { sample: (f) => ({ path: `/v1/public-feedback/${f.uuid()}` }), expect: 404 },
  'request-payment': {
    sample: (f) => ({ path: `/v1/dossiers/${f.code}/payments`, body: {} }),
    expect: { citizen: 422, otherCitizen: 404 },
  },
  'payment-callback': {
    sample: (f) => ({
      path: '/v1/partners/payments/callbacks',
      body: { transactionId: f.unique(), paymentId: f.unique(), status: 'success', amount: 1000, currency: 'VND' },
    }),
    expect: { signed: 404 },
  },
  'get-payment-reconciliation': {
    sample: () => ({ path: '/v1/payment-reconciliations/2026-01-01' }),
    expect: { admin: 404, auditor: 404 },
  },
  'verify-dossier-timeline': {
    sample: (f) => ({ path: `/v1/dossiers/${f.code}/timeline-verification` }),
    expect: { admin: 200, auditor: 200 },
  },
  'list-dossier-reads': {
    sample: (f) => ({ path: `/v1/dossiers/${f.code}/access-log` }),
    expect: { admin: 200, auditor: 200 },
  },
  'receive-dvcqg-dossier': {
    sample: (f) => ({ path: '/v1/partners/dvcqg/dossiers', body: portalDossier(f.unique(), 'sec-probe-citizen') }),
    expect: { signed: 201 },
  },
  'postal-tracking': {
    sample: (f) => ({
      path: '/v1/partners/postal/tracking',
      body: { eventId: f.unique(), waybill: f.unique(), status: 'in-transit', at: new Date().toISOString() },
    }),
    expect: { signed: 404 },
  },
};

export const probeOf = (name: FunctionName): RouteProbe => {
  const probe = routeTable[name];
  if (!probe) throw new Error(`${name} has no probe in the route table`);
  return probe;
};
