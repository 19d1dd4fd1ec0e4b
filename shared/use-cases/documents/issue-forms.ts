import type { AgencyRepository } from '../../adapters/dynamo/agency-repository.ts';
import type { CatalogueRepository } from '../../adapters/dynamo/catalogue-repository.ts';
import type { DocumentRepository } from '../../adapters/dynamo/document-repository.ts';
import type { DossierRepository } from '../../adapters/dynamo/dossier-repository.ts';
import type { DocumentStore } from '../../adapters/s3/document-store.ts';
import { formTitles, renderForm } from '../../documents/forms.ts';
import { formsFor } from '../../domain/documents/forms-issued.ts';
import { formKey, generatedPdf } from '../../domain/documents/document.ts';
import { controlSlip } from '../../domain/dossier/control-slip.ts';
import type { Dossier } from '../../domain/dossier/dossier.ts';
import type { DomainEvent } from '../../domain/events.ts';
import { officialNames, receiptFacts } from './receipt-facts.ts';

export interface IssueFormsDeps {
  dossiers: DossierRepository;
  catalogue: CatalogueRepository;
  agencies: AgencyRepository;
  documents: DocumentRepository;
  store: DocumentStore;
  /** The deployment's public URL (config PUBLIC_URL): the forms' QR code opens its look-up page. */
  publicUrl: string;
}

/**
 * On `DossierChanged`: renders the forms the step issued, stores them under `dossiers/<code>/forms/`
 * and lists them as documents of the dossier. The document id derives from the event, and the form
 * is dated by the event (a re-issued slip shows the dossier as it stood then), so a redelivered event
 * finds its form already listed and does nothing.
 */
export function issueForms(deps: IssueFormsDeps) {
  return async (event: DomainEvent): Promise<void> => {
    const forms = formsFor(event);
    if (forms.length === 0) return;
    const version = event.id.split(':').at(-2) ?? '0';
    let loaded: Dossier | undefined;
    for (const form of forms) {
      // Zero-padded: the dossier's documents list in key order, so its slips come oldest first.
      const id = `form-${form}-v${version.padStart(4, '0')}`;
      if (await deps.documents.get(event.dossierCode, id)) continue;
      if (!loaded) {
        const stored = await deps.dossiers.get(event.dossierCode);
        if (!stored) throw new Error(`Dossier ${event.dossierCode} not found`);
        loaded = stored.dossier;
      }
      const dossier = loaded;
      const agencyId = (event.data as { agencyId?: string }).agencyId ?? dossier.agencyId;
      const agencyIds = [...new Set([agencyId, ...dossier.steps.map((s) => s.agencyId)])];
      const agencies = await Promise.all(agencyIds.map((a) => deps.agencies.get(a)));
      const agencyNames = Object.fromEntries(agencies.flatMap((a) => (a ? [[a.id, a.name]] : [])));
      const issuedAt = new Date(event.occurredAt);
      const slip = form === '06' ? controlSlip(dossier, issuedAt.toISOString()) : [];
      const bytes = await renderForm({
        form,
        dossier,
        agencyName: agencyNames[agencyId] ?? agencyId,
        agencyNames,
        officialNames: await officialNames(
          deps.agencies,
          slip.flatMap((row) => [row.fromSub, row.handlerSub]),
        ),
        ...(form === '01' ? await receiptFacts(deps, dossier, issuedAt) : {}),
        publicUrl: deps.publicUrl,
        issuedAt,
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
