import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../../shared/domain/dossier/dossier.ts';
import { recordSignedResult } from '../../../shared/domain/dossier/signed-result.ts';
import { submittedPermit } from '../lifecycle/fixtures.ts';

const decided = (returnMethod: Dossier['returnMethod'] = 'online'): Dossier => ({
  ...submittedPermit(),
  version: 9,
  status: 'decided',
  returnMethod,
  decision: { outcome: 'approved', decidedAt: '2026-03-10T10:00:00+07:00', by: 'leader-son' },
});
const signed = {
  documentId: 'result-v9',
  signerName: 'Lê Văn Sơn',
  signedAt: new Date('2026-03-10T03:00:05Z'),
};

describe('recording the signed result on the dossier', () => {
  it('adds a system entry naming the signer, keeps the status and records a result-signed change', () => {
    const before = decided();
    const decision = recordSignedResult(before, signed);
    expect(decision).toBeDefined();
    const { dossier, events } = decision as NonNullable<typeof decision>;
    expect(dossier.version).toBe(10);
    expect(dossier.status).toBe('decided');
    expect(dossier.timeline).toHaveLength(before.timeline.length + 1);
    expect(dossier.timeline.at(-1)).toEqual({
      at: '2026-03-10T10:00:05+07:00',
      actor: { sub: 'system', role: 'system' },
      action: 'result-signed',
      from: 'decided',
      to: 'decided',
      agencyId: '24.SXD',
      note: expect.stringMatching(/^Kết quả đã được ký số bởi Lê Văn Sơn\. .*tải bản điện tử/),
      documentId: 'result-v9',
    });
    expect(events).toEqual([
      expect.objectContaining({
        id: '24.SXD-260302-0001:10:DossierChanged',
        type: 'DossierChanged',
        occurredAt: '2026-03-10T10:00:05+07:00',
        data: expect.objectContaining({ action: 'result-signed', from: 'decided', to: 'decided' }),
      }),
    ]);
  });

  it('tells where a counter result is collected', () => {
    const note = recordSignedResult(decided('counter'), signed)?.dossier.timeline.at(-1)?.note;
    expect(note).toContain('Bộ phận tiếp nhận và trả kết quả');
  });

  it('records a document once: a redelivery decides nothing', () => {
    const once = recordSignedResult(decided(), signed)?.dossier as Dossier;
    expect(recordSignedResult(once, signed)).toBeUndefined();
    expect(recordSignedResult(once, { ...signed, signedAt: new Date() })).toBeUndefined();
  });

  it('records nothing on a dossier without a decision', () => {
    expect(recordSignedResult(submittedPermit(), signed)).toBeUndefined();
  });
});
