import { hasRole } from '../../domain/caller.ts';
import { vnParts } from '../../domain/time.ts';
import { ApiError } from '../../http/api-client.ts';
import { formSecrets, submittedKey } from '../forms.ts';
import { badRequestPage, notFoundPage } from '../pages/errors.ts';
import type { ReportListItem, ReportView } from '../pages/reports/common.ts';
import { type AgencyOption, type RequestReportForm, reportsPage } from '../pages/reports/list.ts';
import { reportPage } from '../pages/reports/report.ts';
import { paths } from '../paths.ts';
import { htmlResponse, type PortalResponse, redirect } from '../response.ts';
import { exact, field, formPage, type PortalRoute, type SignedInContext } from '../route.ts';

const access = { roles: ['leader', 'admin', 'auditor'] } as const;
const pageSize = 20;
const reportIdPattern = /^[A-Za-z0-9._-]{1,100}$/;

interface AgencyItem {
  id: string;
  name: string;
}

const provinceWide = (context: SignedInContext) => hasRole(context.session, 'admin', 'auditor');

/**
 * What the caller may ask a report for, as the API allows it: admins and auditors the whole province
 * (its root) or an agency right under it; a leader their own agency or one right under it. Deeper
 * agencies are in every report of the agencies above them.
 */
async function agencyOptions(context: SignedInContext): Promise<AgencyOption[]> {
  const { api, session } = context;
  const children = async (parentId: string) =>
    (await api.get<{ items: AgencyItem[] }>('/v1/agencies', { parentId, limit: 100 })).items;
  if (provinceWide(context)) {
    const roots = (await api.get<{ items: AgencyItem[] }>('/v1/agencies', { limit: 100 })).items;
    const options: AgencyOption[] = [];
    for (const root of roots) {
      options.push({ id: root.id, label: `Toàn tỉnh – ${root.name}` });
      for (const child of await children(root.id)) options.push({ id: child.id, label: child.name });
    }
    return options;
  }
  if (!session.agencyId) return [];
  const [own, below] = await Promise.all([
    api.get<AgencyItem>(`/v1/agencies/${encodeURIComponent(session.agencyId)}`),
    children(session.agencyId),
  ]);
  return [{ id: own.id, label: `${own.name} (cơ quan của tôi)` }, ...below.map((a) => ({ id: a.id, label: a.name }))];
}

async function listPage(
  context: SignedInContext,
  status: number,
  form?: RequestReportForm,
  error?: string,
): Promise<PortalResponse> {
  const { request, api, page, deps } = context;
  const cursor = request.method === 'GET' ? (request.query.get('cursor') ?? undefined) : undefined;
  if (cursor && cursor.length > 2048) return htmlResponse(400, page, badRequestPage('Trang không hợp lệ.'));
  const [list, agencies] = await Promise.all([
    api.get<{ items: ReportListItem[]; nextCursor?: string }>('/v1/reports', { limit: pageSize, cursor }),
    agencyOptions(context),
  ]);
  const now = vnParts(deps.now());
  const shown: RequestReportForm = form ?? {
    agencyId: context.session.agencyId && !provinceWide(context) ? context.session.agencyId : (agencies[0]?.id ?? ''),
    periodKind: 'month',
    year: String(now.year),
    index: String(now.month),
  };
  return htmlResponse(
    status,
    page,
    reportsPage({
      items: list.items,
      ...(list.nextCursor ? { nextCursor: list.nextCursor } : {}),
      agencies,
      form: shown,
      secrets: formSecrets(page, deps.newKey()),
      ...(error ? { error } : {}),
    }),
  );
}

/** The form's own checks, in the API's terms, so a typo gets a sentence rather than a round trip. */
function requestBody(form: RequestReportForm): { body: Record<string, unknown> } | { error: string } {
  const kind = form.periodKind;
  if (kind !== 'month' && kind !== 'quarter' && kind !== 'year') return { error: 'Hãy chọn loại kỳ báo cáo.' };
  if (!/^\d{4}$/.test(form.year)) return { error: 'Năm phải gồm 4 chữ số, ví dụ 2026.' };
  const max = kind === 'month' ? 12 : kind === 'quarter' ? 4 : 0;
  const index = Number(form.index);
  if (max > 0 && (!/^\d{1,2}$/.test(form.index) || index < 1 || index > max)) {
    return { error: kind === 'month' ? 'Hãy nhập tháng từ 1 đến 12.' : 'Hãy nhập quý từ 1 đến 4.' };
  }
  return {
    body: {
      ...(form.agencyId ? { agencyId: form.agencyId } : {}),
      periodKind: kind,
      year: Number(form.year),
      ...(max > 0 ? { index } : {}),
    },
  };
}

async function requestReport(context: SignedInContext): Promise<PortalResponse> {
  const { request, api } = context;
  const form: RequestReportForm = {
    agencyId: field(request, 'agencyId').slice(0, 40),
    periodKind: field(request, 'periodKind'),
    year: field(request, 'year').slice(0, 4),
    index: field(request, 'index').slice(0, 2),
  };
  const checked = requestBody(form);
  if ('error' in checked) return listPage(context, 400, form, checked.error);
  try {
    const created = await api.post<{ id: string }>('/v1/reports', checked.body, submittedKey(field(request, '_key')));
    return redirect(paths.report(created.id));
  } catch (error) {
    // A refused request (bad period, an agency outside the leader's, a period not begun) shows the form again.
    if (error instanceof ApiError && [400, 404, 409, 422].includes(error.status)) {
      return listPage(context, error.status === 404 ? 400 : error.status, form, error.sentence);
    }
    throw error;
  }
}

/** The officials' reports: the list of their scope, the request form, one report with charts and downloads. */
export const officialReportRoutes: readonly PortalRoute[] = [
  formPage({ pattern: exact(paths.reports), access, show: (context) => listPage(context, 200), submit: requestReport }),
  {
    methods: ['GET'],
    pattern: /^\/portal\/can-bo\/bao-cao\/(?<id>[^/]+)$/,
    access,
    handle: async ({ params, page, api }) => {
      const id = params.id ?? '';
      if (!reportIdPattern.test(id)) return htmlResponse(404, page, notFoundPage());
      const report = await api.get<ReportView>(`/v1/reports/${encodeURIComponent(id)}`);
      return htmlResponse(
        200,
        page,
        reportPage({ report, ...(report.children ? { breakdown: report.children } : {}) }),
      );
    },
  },
];
