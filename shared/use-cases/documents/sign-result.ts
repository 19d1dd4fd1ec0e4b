import type { AgencyRepository } from '../ports/agency-repository.ts';
import type { CatalogueRepository } from '../ports/catalogue-repository.ts';
import type { DocumentRepository } from '../ports/document-repository.ts';
import type { DossierRepository } from '../ports/dossier-repository.ts';
import type { DocumentStore } from '../ports/document-store.ts';
import { renderResultPdf } from '../../documents/result-pdf.ts';
import { sha256Hex, signPdf } from '../../documents/signing/pades.ts';
import { organisationIdentity, type Signer } from '../../documents/signing/signer.ts';
import { type DossierDocument, resultKey } from '../../domain/documents/document.ts';
import type { Dossier } from '../../domain/dossier/dossier.ts';
import { type ResultAgency, resultDocument } from '../../domain/dossier/result-document.ts';
import { callsForSignedResult, recordSignedResult, type SignedResult } from '../../domain/dossier/signed-result.ts';
import type { DomainEvent } from '../../domain/events.ts';
import { changeDossier } from '../change-dossier.ts';

export interface SignResultDeps {
  dossiers: DossierRepository;
  agencies: AgencyRepository;
  /** The procedure version the dossier was filed under: its result type names the document. */
  catalogue: Pick<CatalogueRepository, 'procedureVersion'>;
  documents: DocumentRepository;
  store: DocumentStore;
  signer: Signer;
  publicUrl: string;
  now: () => Date;
}

/**
 * On a leader's decision (`DossierChanged` with action `decide`): renders the procedure's own result
 * document (or the reasoned refusal notice), has it signed as PAdES by the deciding leader and then,
 * in a second signature over that revision, by the competent agency's organisation certificate in
 * place of its seal; stores it under `dossiers/<code>/results/` and lists it; then the dossier
 * records it (`result-signed`, which tells the applicant and lets the result be returned).
 * Idempotent on the event: the result's id derives from it, an already listed result is not signed
 * again, and the dossier records one document once (re-read and decided again on a concurrent change).
 */
export function signResult(deps: SignResultDeps) {
  return async (event: DomainEvent): Promise<void> => {
    // Not through actsOn (event-interest.ts): that would bring every message template into this function.
    if (!callsForSignedResult(event)) return;
    const id = `result-v${event.id.split(':').at(-2) ?? '0'}`;
    const stored = await deps.dossiers.get(event.dossierCode);
    if (!stored) throw new Error(`Dossier ${event.dossierCode} not found`);
    const decision = stored.dossier.decision;
    if (!decision) throw new Error(`Dossier ${stored.dossier.code} has no decision`);
    const [official, agency] = await Promise.all([deps.agencies.getOfficial(decision.by), agencyOf(stored.dossier)]);
    const signerName = official?.name ?? decision.by;
    const document =
      (await deps.documents.get(event.dossierCode, id)) ?? (await sign(stored.dossier, id, signerName, agency));
    await record(event.dossierCode, {
      documentId: id,
      signerName,
      agencyName: agency.name,
      signedAt: new Date(document.createdAt),
    });
  };

  async function agencyOf(dossier: Dossier): Promise<ResultAgency> {
    const agency = await deps.agencies.get(dossier.competentAgencyId);
    if (!agency) return { id: dossier.competentAgencyId, name: dossier.competentAgencyId, level: 'department' };
    const parent = agency.parentId ? await deps.agencies.get(agency.parentId) : undefined;
    return { id: agency.id, name: agency.name, level: agency.level, ...(parent ? { parentName: parent.name } : {}) };
  }

  async function sign(dossier: Dossier, id: string, signerName: string, agency: ResultAgency) {
    const decision = dossier.decision as NonNullable<Dossier['decision']>;
    const procedure = await deps.catalogue.procedureVersion(dossier.procedure.code, dossier.procedure.version);
    if (!procedure) throw new Error(`Procedure ${dossier.procedure.code} v${dossier.procedure.version} is missing`);
    const content = resultDocument({ dossier, procedure, agency, leaderName: signerName });
    const unsigned = await renderResultPdf({
      document: content,
      dossierCode: dossier.code,
      publicUrl: deps.publicUrl,
      issuedAt: new Date(decision.decidedAt),
    });
    const details = { reason: `Kết quả giải quyết hồ sơ ${dossier.code}`, location: agency.name };
    const leader = { sub: decision.by, name: signerName, agencyName: agency.name };
    const byLeader = await signPdf(unsigned, deps.signer, leader, deps.now(), details);
    const signed = await signPdf(byLeader, deps.signer, organisationIdentity(agency.id, agency.name), deps.now(), {
      ...details,
      reason: `${agency.name} ký số thay dấu: kết quả giải quyết hồ sơ ${dossier.code}`,
    });
    const key = resultKey(dossier.code, id);
    await deps.store.put(key, signed, 'application/pdf');
    const document: DossierDocument = {
      id,
      dossierCode: dossier.code,
      kind: 'result',
      name: content.listedName,
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
