/**
 * What a dossier actually holds, for form 01's "Thành phần hồ sơ" (Thông tư 03/2025/TT-VPCP, phụ lục I,
 * mẫu số 01): the papers received, not the procedure's list of what may be asked for. Optional documents
 * the applicant did not give are not "received"; a file refused by the checks is not either. Pure.
 */
import type { RequiredDocument } from '../procedure.ts';
import type { DossierDocument } from './document.ts';

/**
 * How a received document came in: paper taken at the desk (declared with a counter filing), filed
 * online, paper scanned into the dossier, or a file kept by the national portal.
 */
export type ReceivedSource = 'paper' | 'upload' | 'digitised' | 'referenced';

export interface ReceivedDocument {
  name: string;
  /** `original`, `certified-copy` or `copy`, as the procedure asks for it; unknown for a portal attachment. */
  copyType?: RequiredDocument['copyType'];
  /** Files received for it this way. */
  count: number;
  source: ReceivedSource;
}

const sourceOf = (document: DossierDocument): ReceivedSource | undefined => {
  if (document.kind === 'referenced' && document.status === 'referenced') return 'referenced';
  if (document.kind === 'upload' && document.status === 'verified') return document.digitised ? 'digitised' : 'upload';
  return undefined;
};

/**
 * One line per required document and way it came in, in the procedure's order (then the portal's
 * attachments in theirs): a slot with two scanned pages and one upload gives two lines.
 */
export function receivedDocuments(
  required: readonly RequiredDocument[],
  documents: readonly DossierDocument[],
  papers: readonly { slot: number; count: number }[] = [],
): ReceivedDocument[] {
  const lines = new Map<string, ReceivedDocument & { order: number }>();
  for (const paper of papers) {
    const slot = required[paper.slot];
    if (!slot) continue;
    lines.set(`slot-${paper.slot}:paper`, {
      name: slot.name,
      copyType: slot.copyType,
      count: paper.count,
      source: 'paper',
      order: paper.slot,
    });
  }
  documents.forEach((document, index) => {
    const source = sourceOf(document);
    if (!source) return;
    const slot = document.slot !== undefined ? required[document.slot] : undefined;
    const order = slot ? (document.slot as number) : required.length + index;
    const key = `${slot ? `slot-${document.slot}` : `file-${document.id}`}:${source}`;
    const line = lines.get(key);
    if (line) line.count += 1;
    else {
      lines.set(key, {
        name: slot?.name ?? document.name,
        ...(slot ? { copyType: slot.copyType } : {}),
        count: 1,
        source,
        order,
      });
    }
  });
  const sourceOrder: ReceivedSource[] = ['paper', 'upload', 'digitised', 'referenced'];
  return [...lines.values()]
    .sort((a, b) => a.order - b.order || sourceOrder.indexOf(a.source) - sourceOrder.indexOf(b.source))
    .map(({ order: _order, ...line }) => line);
}
