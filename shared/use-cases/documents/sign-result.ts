import type { AgencyRepository } from '../../adapters/dynamo/agency-repository.ts';
import type { DocumentRepository } from '../../adapters/dynamo/document-repository.ts';
import type { DossierRepository } from '../../adapters/dynamo/dossier-repository.ts';
import type { DocumentStore } from '../../adapters/s3/document-store.ts';
import { renderResult, resultTitle } from '../../documents/forms.ts';
import { sha256Hex, signPdf } from '../../documents/signing/pades.ts';
import type { Signer } from '../../documents/signing/signer.ts';
import { type DossierDocument, resultKey } from '../../domain/documents/document.ts';
import type { DomainEvent } from '../../domain/events.ts';

export interface SignResultDeps {
  dossiers: DossierRepository;
  agencies: AgencyRepository;
  documents: DocumentRepository;
  store: DocumentStore;
  signer: Signer;
  lookupUrl: string;
  now: () => Date;
}

/**
 * On a leader's decision (`DossierChanged` with action `decide`): renders the result document, signs
 * it as PAdES with the deciding leader's certificate, stores it under `dossiers/<code>/results/` and
 * lists it. Idempotent on the event: the result's id derives from it.
 */
export function signResult(deps: SignResultDeps) {
  return async (event: DomainEvent): Promise<void> => {
    if (event.type !== 'DossierChanged' || (event.data as { action?: string }).action !== 'decide') return;
    const id = `result-v${event.id.split(':').at(-2) ?? '0'}`;
    if (await deps.documents.get(event.dossierCode, id)) return;
    const stored = await deps.dossiers.get(event.dossierCode);
    if (!stored) throw new Error(`Dossier ${event.dossierCode} not found`);
    const { dossier } = stored;
    const decision = dossier.decision;
    if (!decision) throw new Error(`Dossier ${dossier.code} has no decision`);
    const agency = await deps.agencies.get(dossier.competentAgencyId);
    const official = await deps.agencies.getOfficial(decision.by);
    const identity = {
      sub: decision.by,
      name: official?.name ?? decision.by,
      agencyName: agency?.name ?? dossier.competentAgencyId,
    };
    const unsigned = await renderResult({
      dossier,
      agencyName: identity.agencyName,
      lookupUrl: deps.lookupUrl,
      issuedAt: new Date(decision.decidedAt),
      leaderName: identity.name,
    });
    const signed = await signPdf(unsigned, deps.signer, identity, deps.now(), {
      reason: `Kết quả giải quyết hồ sơ ${dossier.code}`,
      location: identity.agencyName,
    });
    const key = resultKey(dossier.code, id);
    await deps.store.put(key, signed, 'application/pdf');
    const document: DossierDocument = {
      id,
      dossierCode: dossier.code,
      kind: 'result',
      name: `${resultTitle} (ký số: ${identity.name})`,
      key,
      contentType: 'application/pdf',
      size: signed.length,
      sha256: sha256Hex(signed),
      digitised: false,
      status: 'verified',
      createdBy: decision.by,
      createdAt: deps.now().toISOString(),
      verifiedAt: deps.now().toISOString(),
    };
    await deps.documents.create(document);
  };
}
