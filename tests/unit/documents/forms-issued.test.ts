import { describe, expect, it } from 'vitest';
import { formsFor } from '../../../shared/domain/documents/forms-issued.ts';
import type { DomainEvent } from '../../../shared/domain/events.ts';

const changed = (action: string, form?: string): DomainEvent => ({
  id: 'H24.10-260302-0001:5:DossierChanged',
  type: 'DossierChanged',
  dossierCode: 'H24.10-260302-0001',
  occurredAt: '2026-03-02T09:00:00+07:00',
  data: {
    applicantId: 'citizen-an',
    agencyId: '24.10',
    action,
    from: 'processing',
    to: 'processing',
    dueAt: '2026-03-10T17:00:00+07:00',
    ...(form ? { form } : {}),
  },
});

describe('the forms a lifecycle step issues (Thông tư 03/2025/TT-VPCP, phụ lục I)', () => {
  it('issues the form its timeline entry names: 01 at receipt, 02 to 05', () => {
    expect(formsFor(changed('receive', '01'))).toEqual(['01']);
    expect(formsFor(changed('request-supplement', '02'))).toEqual(['02']);
    expect(formsFor(changed('request-extension', '04'))).toEqual(['04']);
  });

  it('stores no process control slip (06): it is rendered from the timeline when read', () => {
    for (const action of ['forward', 'transfer', 'decide', 'return-result'])
      expect(formsFor(changed(action))).toEqual([]);
    expect(formsFor(changed('receive', '01'))).not.toContain('06');
    expect(formsFor(changed('forward', '06'))).toEqual([]);
  });

  it('issues nothing for another event, nor for a step that names form 07 (the register)', () => {
    expect(formsFor(changed('rate'))).toEqual([]);
    expect(formsFor(changed('forward', '07'))).toEqual([]);
    expect(formsFor({ ...changed('receive', '01'), type: 'DossierSubmitted' })).toEqual([]);
  });
});
