import type { AgencyRepository } from '../../adapters/dynamo/agency-repository.ts';
import type { CatalogueRepository } from '../../adapters/dynamo/catalogue-repository.ts';
import type { DocumentRepository } from '../../adapters/dynamo/document-repository.ts';
import type { DossierRepository } from '../../adapters/dynamo/dossier-repository.ts';
import type { DocumentStore } from '../../adapters/s3/document-store.ts';
import { formTitles, renderForm } from '../../documents/forms.ts';
import { formKey, generatedPdf } from '../../domain/documents/document.ts';
import type { FormNumber } from '../../domain/dossier/dossier.ts';
import type { DomainEvent } from '../../domain/events.ts';

export interface IssueFormsDeps {
  dossiers: DossierRepository;
  catalogue: CatalogueRepository;
  agencies: AgencyRepository;
  documents: DocumentRepository;
  store: DocumentStore;
  lookupUrl: string;
}

const isForm = (value: unknown): value is FormNumber => typeof value === 'string' && value in formTitles;

/**
 * The forms a lifecycle step calls for: the one its timeline entry names (`data.form`: 01 at intake,
 * 02, 03, 04, 05), and the process control slip (06) once the dossier is decided.
 */
export function formsFor(event: DomainEvent): FormNumber[] {
  if (event.type !== 'DossierChanged') return [];
  const data = event.data as DomainEvent<'DossierChanged'>['data'];
  return [...(isForm(data.form) ? [data.form] : []), ...(data.action === 'decide' ? (['06'] as const) : [])];
}

/**
 * On `DossierChanged`: renders the forms the step issued, stores them under `dossiers/<code>/forms/`
 * and lists them as documents of the dossier. The document id derives from the event, and the form
 * is dated by the event, so a redelivered event finds its form already listed and does nothing.
 */
export function issueForms(deps: IssueFormsDeps) {
  return async (event: DomainEvent): Promise<void> => {
    const forms = formsFor(event);
    if (forms.length === 0) return;
    const version = event.id.split(':').at(-2) ?? '0';
    for (const form of forms) {
      const id = `form-${form}-v${version}`;
      if (await deps.documents.get(event.dossierCode, id)) continue;
      const stored = await deps.dossiers.get(event.dossierCode);
      if (!stored) throw new Error(`Dossier ${event.dossierCode} not found`);
      const { dossier } = stored;
      const agencyId = (event.data as { agencyId?: string }).agencyId ?? dossier.agencyId;
      const agencyIds = [...new Set([agencyId, ...dossier.steps.map((s) => s.agencyId)])];
      const agencies = await Promise.all(agencyIds.map((a) => deps.agencies.get(a)));
      const agencyNames = Object.fromEntries(agencies.flatMap((a) => (a ? [[a.id, a.name]] : [])));
      const handlerIds = [...new Set(dossier.steps.flatMap((s) => (s.handlerId ? [s.handlerId] : [])))];
      const officials = await Promise.all(handlerIds.map((sub) => deps.agencies.getOfficial(sub)));
      const officialNames = Object.fromEntries(officials.flatMap((o) => (o ? [[o.sub, o.name]] : [])));
      const procedure = await deps.catalogue.procedureVersion(dossier.procedure.code, dossier.procedure.version);
      const bytes = await renderForm({
        form,
        dossier,
        agencyName: agencyNames[agencyId] ?? agencyId,
        agencyNames,
        officialNames,
        documents: procedure?.documents ?? [],
        lookupUrl: deps.lookupUrl,
        issuedAt: new Date(event.occurredAt),
      });
      const key = formKey(dossier.code, form, id);
      await deps.store.put(key, bytes, 'application/pdf');
      await deps.documents.create(
        generatedPdf({
          id,
          dossierCode: dossier.code,
          kind: 'form',
          form,
          name: `Mẫu số ${form}: ${formTitles[form]}`,
          key,
          bytes,
          at: event.occurredAt,
        }),
      );
    }
  };
}
