import { dossierCodePattern } from '../../domain/dossier/code.ts';
import { type Procedure, procedureCodePattern } from '../../domain/procedure.ts';
import { allAgencies } from '../agencies.ts';
import { ApiError, type ApiClient } from '../../http/api-client.ts';
import { controlSlipDownload } from '../control-slip.ts';
import { chosenFile, type ChosenFile, derivedKey, maxFormUploadBytes, uploadDocument } from '../document-upload.ts';
import { submittedKey } from '../forms.ts';
import type {
  DocumentItem,
  DossierDetail,
  DossierPage,
  DossierSummary,
  FilingReceipt,
} from '../pages/citizen/api-types.ts';
import { type Commune, fileDossierPage } from '../pages/citizen/file-dossier.ts';
import {
  emptyFiling,
  type FieldMessages,
  fileInputName,
  filingBody,
  filingValuesOf,
  type FilingValues,
  messagesOfApi,
} from '../pages/citizen/filing-form.ts';
import { type DossierForm, myDossierPage } from '../pages/citizen/my-dossier.ts';
import { myDossiersPage } from '../pages/citizen/my-dossiers.ts';
import { receiptPage } from '../pages/citizen/receipt.ts';
import { badRequestPage, notFoundPage } from '../pages/errors.ts';
import { paths } from '../paths.ts';
import { htmlResponse, type PortalResponse, redirect } from '../response.ts';
import { exact, field, type PortalRoute, type SignedInContext } from '../route.ts';

const citizen = { roles: ['citizen'] } as const;
const pageSize = 20;
const megabytes = maxFormUploadBytes / 1024 / 1024;
const dossierPath = (code: string) => `/v1/dossiers/${encodeURIComponent(code)}`;

/** The citizen's own dossiers: filing one online (with its files), the list, one dossier and its changes. */
export const citizenDossierRoutes: readonly PortalRoute[] = [
  {
    methods: ['GET', 'POST'],
    pattern: /^\/portal\/nop-ho-so\/(?<code>[^/]+)$/,
    access: citizen,
    handle: async (context) => {
      const code = context.params.code ?? '';
      if (!procedureCodePattern.test(code)) return htmlResponse(404, context.page, notFoundPage());
      const procedure = await context.deps.getProcedure(code);
      if (context.request.method === 'POST') return fileDossier(context, procedure);
      return filingForm(context, procedure, 200, { values: emptyFiling(procedure, context.session.name) });
    },
  },
  {
    methods: ['GET'],
    pattern: exact(paths.myDossiers),
    access: citizen,
    handle: async ({ request, page, api }) => {
      const cursor = request.query.get('cursor') ?? undefined;
      if (cursor && cursor.length > 2048) return htmlResponse(400, page, badRequestPage('Trang không hợp lệ.'));
      const list = await api.get<DossierPage<DossierSummary>>('/v1/me/dossiers', { limit: pageSize, cursor });
      return htmlResponse(200, page, myDossiersPage(list));
    },
  },
  {
    methods: ['GET'],
    pattern: /^\/portal\/ho-so-cua-toi\/(?<code>[^/]+)$/,
    access: citizen,
    handle: async (context) =>
      withDossierCode(context, (code) =>
        dossierPage(context, code, 200, { done: context.request.query.get('da') ?? undefined }),
      ),
  },
  {
    methods: ['POST'],
    pattern: /^\/portal\/ho-so-cua-toi\/(?<code>[^/]+)\/tai-lieu$/,
    access: citizen,
    handle: async (context) => withDossierCode(context, (code) => addDocument(context, code)),
  },
  {
    methods: ['POST'],
    pattern: /^\/portal\/ho-so-cua-toi\/(?<code>[^/]+)\/rut-ho-so$/,
    access: citizen,
    handle: async (context) =>
      withDossierCode(context, (code) => {
        const reason = field(context.request, 'reason').slice(0, 2000);
        if (!reason) {
          return dossierPage(context, code, 400, {
            error: { form: 'withdraw', message: 'Vui lòng nêu lý do rút hồ sơ.' },
          });
        }
        return dossierAction(context, code, 'withdraw', { reason }, 'rut-ho-so', { withdrawReason: reason });
      }),
  },
  {
    methods: ['POST'],
    pattern: /^\/portal\/ho-so-cua-toi\/(?<code>[^/]+)\/bo-sung$/,
    access: citizen,
    handle: async (context) =>
      withDossierCode(context, (code) => {
        const note = field(context.request, 'note').slice(0, 2000);
        return dossierAction(context, code, 'supplement', note ? { note } : {}, 'bo-sung');
      }),
  },
  {
    methods: ['GET'],
    pattern: /^\/portal\/ho-so-cua-toi\/(?<code>[^/]+)\/phieu-kiem-soat$/,
    access: citizen,
    handle: controlSlipDownload,
  },
];

/** A malformed code is not worth a call to the API: the same 404 as another citizen's dossier. */
function withDossierCode(
  context: SignedInContext,
  then: (code: string) => Promise<PortalResponse>,
): Promise<PortalResponse> {
  const code = context.params.code ?? '';
  if (!dossierCodePattern.test(code)) return Promise.resolve(htmlResponse(404, context.page, notFoundPage()));
  return then(code);
}

// ——— Filing ———

/** Where a commune-level procedure may be filed: every commune and ward, by name. */
async function communesOf(api: ApiClient): Promise<Commune[]> {
  const communes: Commune[] = [];
  for (const agency of await allAgencies(api, { level: 'commune' })) {
    const code = agency.unitCode ?? agency.id.split('.').pop() ?? '';
    if (/^\d{5}$/.test(code)) communes.push({ code, name: agency.name.replace(/^Ủy ban nhân dân\s+/i, '') });
  }
  return communes.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

async function filingForm(
  { page, api, deps }: SignedInContext,
  procedure: Procedure,
  status: number,
  state: { values: FilingValues; error?: string; messages?: FieldMessages; filesLost?: boolean },
): Promise<PortalResponse> {
  const [communes, agencyName] = await Promise.all([
    procedure.level === 'commune' ? communesOf(api) : Promise.resolve([]),
    procedure.agencyId ? deps.agencyName(procedure.agencyId) : Promise.resolve(undefined),
  ]);
  return htmlResponse(
    status,
    page,
    fileDossierPage(page, {
      procedure,
      communes,
      ...(agencyName ? { agencyName } : {}),
      formKey: deps.newKey(),
      ...state,
    }),
  );
}

/**
 * Files the dossier once (the form's Idempotency-Key), then sends each chosen file through the API's
 * documents flow. A refused file does not undo the filing: the receipt says which files to send again.
 */
async function fileDossier(context: SignedInContext, procedure: Procedure): Promise<PortalResponse> {
  const { request, page, api, deps } = context;
  const values = filingValuesOf((name) => field(request, name));
  const files = procedure.documents
    .map((_, slot) => ({ slot, file: chosenFile(request.multipart?.get(fileInputName(slot)) ?? null) }))
    .filter((chosen): chosen is ChosenFile => chosen.file !== undefined);
  const hadFiles = files.length > 0;

  // The fields themselves are the API's to check (its messages are Vietnamese, next to each field).
  const total = files.reduce((sum, { file }) => sum + file.size, 0);
  if (total > maxFormUploadBytes) {
    const error = `Các tệp đính kèm vượt quá ${megabytes} MB. Hãy gửi bớt tệp; các tệp còn lại tải lên sau trên trang hồ sơ.`;
    return filingForm(context, procedure, 400, { values, error, messages: {}, filesLost: hadFiles });
  }

  const key = submittedKey(field(request, '_key'));
  let receipt: FilingReceipt;
  try {
    receipt = await api.post<FilingReceipt>('/v1/dossiers', filingBody(values, procedure), key);
  } catch (error) {
    // 429: the citizen's filing quota is spent; the API's sentence says when to try again.
    if (error instanceof ApiError && [400, 409, 422, 429].includes(error.status)) {
      const fromApi = messagesOfApi(error.fields);
      const sentence = error.fields.length ? (error.detail ?? error.title) : error.sentence;
      return filingForm(context, procedure, error.status, {
        values,
        error: sentence,
        messages: fromApi,
        filesLost: hadFiles,
      });
    }
    throw error;
  }

  // One at a time: the form's files are already in memory, and the presigned uploads stay short.
  const uploads = [];
  for (const chosen of files) {
    uploads.push(
      await uploadDocument(
        api,
        receipt.code,
        chosen,
        key ? derivedKey(key, `slot-${chosen.slot}`) : undefined,
        deps.logError,
      ),
    );
  }
  return htmlResponse(
    201,
    page,
    receiptPage({ receipt, documentNames: procedure.documents.map((d) => d.name), uploads }),
  );
}

// ——— One dossier ———

/** The documents the dossier was filed under (a later version of the procedure may have others). */
async function slotsOf({ api, deps }: SignedInContext, filed: DossierDetail['procedure']) {
  try {
    const current = await deps.getProcedure(filed.code);
    const procedure =
      current.version === filed.version
        ? current
        : await api.get<Procedure>(`/v1/procedures/${encodeURIComponent(filed.code)}`, { version: filed.version });
    return procedure.documents.map((d) => ({ name: d.name, ...(d.optional ? { optional: true } : {}) }));
  } catch (error) {
    // The dossier is still worth showing without its list of required documents.
    deps.logError('portal: procedure of a dossier not found', error);
    return [];
  }
}

async function dossierPage(
  context: SignedInContext,
  code: string,
  status: number,
  state: { done?: string; error?: { form: DossierForm; message: string }; withdrawReason?: string },
): Promise<PortalResponse> {
  const { page, api, deps } = context;
  // Its 404 (not this citizen's, or no such dossier) is the page's 404.
  const dossier = await api.get<DossierDetail>(dossierPath(code));
  const [documents, agencyName, slots] = await Promise.all([
    api.get<{ items: DocumentItem[]; controlSlip?: unknown }>(`${dossierPath(code)}/documents`),
    deps.agencyName(dossier.agencyId),
    slotsOf(context, dossier.procedure),
  ]);
  return htmlResponse(
    status,
    page,
    myDossierPage(page, {
      dossier,
      slots,
      documents: documents.items,
      controlSlip: documents.controlSlip !== undefined,
      ...(agencyName ? { agencyName } : {}),
      keys: { upload: deps.newKey(), withdraw: deps.newKey(), supplement: deps.newKey() },
      ...state,
    }),
  );
}

async function addDocument(context: SignedInContext, code: string): Promise<PortalResponse> {
  const { request, api, deps } = context;
  const slotText = field(request, 'slot');
  const slot = /^\d{1,2}$/.test(slotText) ? Number(slotText) : undefined;
  const file = chosenFile(request.multipart?.get('tep') ?? null);
  const refuse = (message: string, status = 400) =>
    dossierPage(context, code, status, { error: { form: 'upload', message } });
  if (slot === undefined) return refuse('Vui lòng chọn thành phần hồ sơ.');
  if (!file) return refuse('Vui lòng chọn tệp để tải lên.');
  if (file.size > maxFormUploadBytes) return refuse(`Tệp vượt quá ${megabytes} MB.`);
  const key = submittedKey(field(request, '_key'));
  const outcome = await uploadDocument(api, code, { slot, file }, key, deps.logError);
  if (outcome.problem) return refuse(`Tệp “${outcome.fileName}” chưa được nhận: ${outcome.problem}`, 422);
  return redirect(`${paths.myDossier(code)}?da=tai-len`);
}

/** A lifecycle step of the applicant, on the version the page showed: a change since then is shown, not overwritten. */
async function dossierAction(
  context: SignedInContext,
  code: string,
  type: 'withdraw' | 'supplement',
  extra: Record<string, string>,
  done: string,
  kept: { withdrawReason?: string } = {},
): Promise<PortalResponse> {
  const { request, api } = context;
  const form: DossierForm = type === 'withdraw' ? 'withdraw' : 'supplement';
  const versionText = field(request, 'expectedVersion');
  const expectedVersion = /^\d{1,9}$/.test(versionText) ? Number(versionText) : 0;
  if (expectedVersion < 1) {
    return dossierPage(context, code, 400, { error: { form, message: 'Biểu mẫu không hợp lệ; vui lòng thử lại.' } });
  }
  try {
    await api.post(
      `${dossierPath(code)}/actions`,
      { type, expectedVersion, ...extra },
      submittedKey(field(request, '_key')),
    );
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      return dossierPage(context, code, 409, {
        error: { form, message: 'Hồ sơ vừa thay đổi, vui lòng xem lại trước khi gửi lại.' },
        ...kept,
      });
    }
    if (error instanceof ApiError && (error.status === 400 || error.status === 422)) {
      return dossierPage(context, code, error.status, { error: { form, message: error.sentence }, ...kept });
    }
    throw error;
  }
  return redirect(`${paths.myDossier(code)}?da=${done}`);
}
