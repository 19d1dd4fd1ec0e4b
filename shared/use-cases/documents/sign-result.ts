import type { AgencyRepository } from '../../adapters/dynamo/agency-repository.ts';
import type { DocumentRepository } from '../../adapters/dynamo/document-repository.ts';
import type { DossierRepository } from '../../adapters/dynamo/dossier-repository.ts';
import type { OutboxRelay } from '../../adapters/outbox-relay.ts';
import type { DocumentStore } from '../../adapters/s3/document-store.ts';
import { renderResult, resultTitle } from '../../documents/forms.ts';
import { sha256Hex, signPdf } from '../../documents/signing/pades.ts';
import type { Signer } from '../../documents/signing/signer.ts';
import { type DossierDocument, resultKey } from '../../domain/documents/document.ts';
import type { Dossier } from '../../domain/dossier/dossier.ts';
import { recordSignedResult, type SignedResult } from '../../domain/dossier/signed-result.ts';
import type { DomainEvent } from '../../domain/events.ts';
import { changeDossier } from '../change-dossier.ts';

export interface SignResultDeps {
  dossiers: DossierRepository;
  agencies: AgencyRepository;
  documents: DocumentRepository;
  store: DocumentStore;
  signer: Signer;
  /** Sends the `result-signed` event the dossier records. */
  relay: OutboxRelay;
  lookupUrl: string;
  now: () => Date;
}

/**
 * On a leader's decision (`DossierChanged` with action `decide`): renders the result document, signs
 * it as PAdES with the deciding leader's certificate, stores it under `dossiers/<code>/results/` and
 * lists it; then the dossier records it (`result-signed`, which tells the applicant). Idempotent on
 * the event: the result's id derives from it, an already listed result is not signed again, and the
 * dossier records one document once (re-read and decided again on a concurrent change).
 */
export function signResult(deps: SignResultDeps) {
  return async (event: DomainEvent): Promise<void> => {
    if (event.type !== 'DossierChanged' || (event.data as { action?: string }).action !== 'decide') return;
    const id = `result-v${event.id.split(':').at(-2) ?? '0'}`;
    const stored = await deps.dossiers.get(event.dossierCode);
    if (!stored) throw new Error(`Dossier ${event.dossierCode} not found`);
    const decision = stored.dossier.decision;
    if (!decision) throw new Error(`Dossier ${stored.dossier.code} has no decision`);
    const official = await deps.agencies.getOfficial(decision.by);
    const signerName = official?.name ?? decision.by;
    const document = (await deps.documents.get(event.dossierCode, id)) ?? (await sign(stored.dossier, id, signerName));
    await record(event.dossierCode, { documentId: id, signerName, signedAt: new Date(document.createdAt) });
  };

  async function sign(dossier: Dossier, id: string, signerName: string): Promise<DossierDocument> {
    const decision = dossier.decision as NonNullable<Dossier['decision']>;
    const agency = await deps.agencies.get(dossier.competentAgencyId);
    const identity = {
      sub: decision.by,
      name: signerName,
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
    if (await deps.documents.create(document)) return document;
    // Another delivery listed it first: record theirs.
    const listed = await deps.documents.get(dossier.code, id);
    if (!listed) throw new Error(`Result ${id} of ${dossier.code} vanished`);
    return listed;
  }

  function record(code: string, signed: SignedResult): Promise<void> {
    return changeDossier(deps, code, ({ dossier }) => recordSignedResult(dossier, signed));
  }
}
