import { dossierCodePattern } from '../../domain/dossier/code.ts';
import { allowedActions } from '../../domain/dossier/lifecycle.ts';
import { type DossierStatus, dossierStatuses } from '../../domain/dossier/status.ts';
import { canListOfficials, type Official } from '../../domain/official.ts';
import { hasRole } from '../../domain/caller.ts';
import type { ProcessStep, Procedure } from '../../domain/procedure.ts';
import { agencyChoices } from '../agencies.ts';
import { controlSlipDownload } from '../control-slip.ts';
import { ApiError } from '../../http/api-client.ts';
import { submittedKey } from '../forms.ts';
import { badRequestPage, notFoundPage } from '../pages/errors.ts';
import {
  actionFromForm,
  type FailedAction,
  isOfficialAction,
  type OfficialActionType,
  submittedValues,
} from '../pages/official/actions.ts';
import { type DocumentItem, type DossierView, officialDossierPage } from '../pages/official/dossier.ts';
import { chooseAgencyPage, noAgencyPage, type QueueItem, workQueuePage } from '../pages/official/work-queue.ts';
import { paths } from '../paths.ts';
import { htmlResponse, type PortalResponse, redirect } from '../response.ts';
import { exact, field, type SignedInContext, type SignedInRoute } from '../route.ts';

const pageSize = 20;
const officials = { roles: ['receiver', 'specialist', 'leader', 'auditor'] } as const;
const segment = encodeURIComponent;

export const conflictMessage =
  'Hồ sơ vừa được người khác cập nhật nên thao tác của bạn chưa được thực hiện. Dưới đây là tình trạng mới nhất của hồ sơ; vui lòng xem lại rồi thao tác lại.';

/**
 * The officials' pages: their agency's work queue, a dossier with its documents and timeline, and the
 * lifecycle actions their roles allow. The API decides what each official may see and do; the pages
 * only offer the forms its rule table would accept.
 */
export const officialDossierRoutes: readonly SignedInRoute[] = [
  { methods: ['GET'], pattern: exact(paths.workQueue), access: officials, handle: workQueue },
  {
    methods: ['GET'],
    pattern: /^\/portal\/can-bo\/ho-so\/(?<code>[^/]+)$/,
    access: officials,
    handle: async (context) => {
      const code = context.params.code ?? '';
      if (!dossierCodePattern.test(code)) return htmlResponse(404, context.page, notFoundPage());
      const done = context.request.query.get('da') ?? '';
      return showDossier(context, code, 200, isOfficialAction(done) ? { done } : {});
    },
  },
  {
    methods: ['POST'],
    pattern: /^\/portal\/can-bo\/ho-so\/(?<code>[^/]+)\/xu-ly$/,
    access: officials,
    handle: act,
  },
  {
    methods: ['GET'],
    pattern: /^\/portal\/can-bo\/ho-so\/(?<code>[^/]+)\/phieu-kiem-soat$/,
    access: officials,
    handle: controlSlipDownload,
  },
];

async function workQueue({ request, page, session, api, deps }: SignedInContext): Promise<PortalResponse> {
  // An auditor reads any agency's queue (the API allows it) and chooses which; an official reads their own.
  const chosen = hasRole(session, 'auditor') && !session.agencyId ? (request.query.get('co-quan') ?? '') : '';
  const agencyId = session.agencyId ?? chosen;
  if (!agencyId) {
    return hasRole(session, 'auditor')
      ? htmlResponse(200, page, chooseAgencyPage(await agencyChoices(api)))
      : htmlResponse(200, page, noAgencyPage());
  }
  const status = request.query.get('status') ?? '';
  const cursor = request.query.get('cursor') ?? '';
  if ((status && !(status in dossierStatuses)) || cursor.length > 2048 || !/^[\w.-]{1,64}$/.test(agencyId)) {
    return htmlResponse(400, page, badRequestPage('Bộ lọc danh sách hồ sơ không hợp lệ.'));
  }
  const filter = {
    ...(status ? { status: status as DossierStatus } : {}),
    overdue: request.query.get('overdue') === 'true',
    ...(chosen ? { agencyId: chosen } : {}),
  };
  const [list, agencyName] = await Promise.all([
    api.get<{ items: QueueItem[]; nextCursor?: string }>(`/v1/agencies/${segment(agencyId)}/dossiers`, {
      limit: pageSize,
      status: filter.status,
      overdue: filter.overdue ? 'true' : undefined,
      cursor: cursor || undefined,
    }),
    deps.agencyName(agencyId),
  ]);
  return htmlResponse(
    200,
    page,
    workQueuePage({
      agencyId,
      ...(agencyName ? { agencyName } : {}),
      items: list.items,
      ...(list.nextCursor ? { nextCursor: list.nextCursor } : {}),
      filter,
    }),
  );
}

interface Shown {
  done?: OfficialActionType;
  notice?: string;
  failed?: FailedAction;
}

/** The role of the step a forward leads to, from the dossier's procedure version (public catalogue). */
async function nextStepRole(
  api: SignedInContext['api'],
  dossier: DossierView,
): Promise<ProcessStep['role'] | undefined> {
  // Not yet received (no step): nothing to forward to, nothing to filter.
  if (!dossier.workQueue) return undefined;
  const { code, version } = dossier.procedure;
  const procedure = await api.get<Pick<Procedure, 'steps'>>(`/v1/procedures/${segment(code)}`, { version });
  return procedure.steps[dossier.workQueue.stepIndex + 1]?.role;
}

/**
 * The dossier as the API shows it to this official (its 404 for another agency's dossier is the page's
 * 404), with the forms of the actions the lifecycle table allows them now. The dossier's own timeline is
 * the one `/timeline` returns, so it is not read twice.
 */
async function showDossier(
  { page, session, api, deps }: SignedInContext,
  code: string,
  status: number,
  shown: Shown,
): Promise<PortalResponse> {
  const [dossier, documents] = await Promise.all([
    api.get<DossierView>(`/v1/dossiers/${segment(code)}`),
    api.get<{ items: DocumentItem[]; controlSlip?: unknown }>(`/v1/dossiers/${segment(code)}/documents`),
  ]);
  const types = allowedActions(session, dossier).filter(isOfficialAction);
  // Only a leader may read their agency's roster; everyone else types the assignee's id. The list offers
  // only those the forward may name: holders of the next step's role (the API refuses anyone else).
  const roster =
    types.includes('forward') && session.agencyId && canListOfficials(session, session.agencyId)
      ? await api.get<{ items: Official[] }>(`/v1/agencies/${segment(session.agencyId)}/officials`, { limit: 100 })
      : undefined;
  const nextRole = roster ? await nextStepRole(api, dossier) : undefined;
  const eligible = roster?.items.filter((official) => !nextRole || official.roles.includes(nextRole));
  return htmlResponse(
    status,
    page,
    officialDossierPage({
      dossier,
      documents: documents.items,
      controlSlip: documents.controlSlip !== undefined,
      ...(shown.done ? { done: shown.done } : {}),
      ...(shown.notice ? { notice: shown.notice } : {}),
      forms: {
        page,
        code: dossier.code,
        version: dossier.version,
        types,
        newKey: deps.newKey,
        ...(eligible ? { officials: eligible } : {}),
        ...(shown.failed ? { failed: shown.failed } : {}),
      },
    }),
  );
}

async function act(context: SignedInContext): Promise<PortalResponse> {
  const { request, params, page, api } = context;
  const code = params.code ?? '';
  if (!dossierCodePattern.test(code)) return htmlResponse(404, page, notFoundPage());
  const value = (name: string) => field(request, name);
  const parsed = actionFromForm(value);
  if (!parsed.type) return htmlResponse(400, page, badRequestPage('Thao tác không hợp lệ.'));
  const values = submittedValues(parsed.type, value);
  if (!parsed.ok) {
    return showDossier(context, code, 400, { failed: { type: parsed.type, message: parsed.message, values } });
  }
  try {
    await api.post(`/v1/dossiers/${segment(code)}/actions`, parsed.body, submittedKey(value('_key')));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 409) {
      const notice = error.code === 'version-conflict' ? conflictMessage : error.sentence;
      return showDossier(context, code, 409, { notice });
    }
    if (error.status === 400 || error.status === 403 || error.status === 422) {
      return showDossier(context, code, error.status, {
        failed: { type: parsed.type, message: error.sentence, values },
      });
    }
    throw error;
  }
  return redirect(`${paths.officialDossier(code)}?da=${parsed.type}`);
}
