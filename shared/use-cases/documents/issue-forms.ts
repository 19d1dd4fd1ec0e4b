import type { AgencyRepository } from '../ports/agency-repository.ts';
import type { CatalogueRepository } from '../ports/catalogue-repository.ts';
import type { DocumentRepository } from '../ports/document-repository.ts';
import type { DossierRepository } from '../ports/dossier-repository.ts';
import type { DocumentStore } from '../ports/document-store.ts';
import { formTitles, renderForm } from '../../documents/forms.ts';
import { formsFor } from '../../domain/documents/forms-issued.ts';
import { formKey } from '../../domain/documents/document.ts';
import { keepGeneratedPdf } from './keep-generated-pdf.ts';
import type { Dossier } from '../../domain/dossier/dossier.ts';
import type { DomainEvent } from '../../domain/events.ts';
import { receiptFacts } from './receipt-facts.ts';

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
 * On `DossierChanged`: renders the form the step issued (01 at receipt, 02–05), stores it under
 * `dossiers/<code>/forms/` and lists it as a document of the dossier. The document id derives from the
 * event, and the form is dated by the event, so a redelivered event finds its form already listed and
 * does nothing. The process control slip (06) is not stored: it is rendered when read (control-slip.ts).
 */
export function issueForms(deps: IssueFormsDeps) {
  return async (event: DomainEvent): Promise<void> => {
    const forms = formsFor(event);
    if (forms.length === 0) return;
    const version = event.id.split(':').at(-2) ?? '0';
    let loaded: Dossier | undefined;
    for (const form of forms) {
      // Zero-padded: the dossier's documents list in key order, so its forms come oldest first.
      const id = `form-${form}-v${version.padStart(4, '0')}`;
      if (await deps.documents.get(event.dossierCode, id)) continue;
      if (!loaded) {
        const stored = await deps.dossiers.get(event.dossierCode);
        if (!stored) throw new Error(`Dossier ${event.dossierCode} not found`);
        loaded = stored.dossier;
      }
      const dossier = loaded;
      const agencyId = (event.data as { agencyId?: string }).agencyId ?? dossier.agencyId;
      const agency = await deps.agencies.get(agencyId);
      const issuedAt = new Date(event.occurredAt);
      const bytes = await renderForm({
        form,
        dossier,
        agencyName: agency?.name ?? agencyId,
        ...(form === '01' ? await receiptFacts(deps, dossier, issuedAt) : {}),
        publicUrl: deps.publicUrl,
        issuedAt,
      });
      await keepGeneratedPdf(deps, {
        id,
        dossierCode: dossier.code,
        kind: 'form',
        form,
        name: `Mẫu số ${form}: ${formTitles[form]}`,
        key: formKey(dossier.code, form, id),
        bytes,
        at: event.occurredAt,
      });
    }
  };
}
