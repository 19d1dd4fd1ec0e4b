import type { AgencyRepository } from '../ports/agency-repository.ts';
import type { CatalogueRepository } from '../ports/catalogue-repository.ts';
import type { DocumentRepository } from '../ports/document-repository.ts';
import type { FormInput } from '../../documents/forms.ts';
import { receivedDocuments } from '../../domain/documents/received.ts';
import type { Dossier } from '../../domain/dossier/dossier.ts';

export interface ReceiptFactsDeps {
  catalogue: CatalogueRepository;
  agencies: AgencyRepository;
  documents: DocumentRepository;
}

/** Officials' names by sub, from the roster (a sub the roster does not know is left out). */
export async function officialNames(
  agencies: AgencyRepository,
  subs: readonly (string | undefined)[],
): Promise<Record<string, string>> {
  const unique = [...new Set(subs.filter((s): s is string => Boolean(s)))];
  const officials = await Promise.all(unique.map((sub) => agencies.getOfficial(sub)));
  return Object.fromEntries(officials.flatMap((o) => (o ? [[o.sub, o.name]] : [])));
}

/**
 * Form 01's facts beyond the dossier (Thông tư 03/2025/TT-VPCP, phụ lục I, mẫu số 01): what was
 * received, the legal time, the receiver. What the dossier held at `issuedAt`: a file added later (a
 * supplement) is not on this receipt.
 */
export async function receiptFacts(
  deps: ReceiptFactsDeps,
  dossier: Dossier,
  issuedAt: Date,
): Promise<Partial<FormInput>> {
  const receiver = dossier.timeline.findLast((entry) => entry.action === 'receive')?.actor.sub;
  // Three reads that need nothing of each other: one round trip.
  const [procedure, documents, names] = await Promise.all([
    deps.catalogue.procedureVersion(dossier.procedure.code, dossier.procedure.version),
    deps.documents.list(dossier.code),
    officialNames(deps.agencies, [receiver]),
  ]);
  const held = documents.filter((d) => Date.parse(d.createdAt) <= issuedAt.getTime());
  const received = receivedDocuments(procedure?.documents ?? [], held, dossier.papers);
  return {
    received,
    ...(procedure ? { processingTime: procedure.processingTime } : {}),
    ...(receiver ? { receiverName: names[receiver] ?? receiver } : {}),
  };
}
