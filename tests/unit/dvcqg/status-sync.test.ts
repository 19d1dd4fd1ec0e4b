import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '#domain/dossier/dossier.ts';
import { statusChanges, statusUpdate } from '#domain/dvcqg/status-sync.ts';

const entry = (action: string, to?: TimelineEntry['to'], from?: TimelineEntry['from']): TimelineEntry => ({
  at: `2026-12-01T09:00:00+07:00`,
  actor: { sub: 'x', role: 'receiver' },
  action,
  ...(from ? { from } : {}),
  ...(to ? { to } : {}),
  note: action,
});

describe('the status changes the portal hears of', () => {
  it('keeps the order, drops steps that keep the status and entries without one, and repeats a status it returns to', () => {
    const timeline = [
      entry('file', 'submitted'),
      entry('receive', 'received', 'submitted'),
      entry('forward', 'processing', 'received'),
      entry('forward', 'processing', 'processing'),
      entry('request-supplement', 'supplement-requested', 'processing'),
      entry('rate'),
      entry('supplement', 'processing', 'supplement-requested'),
      entry('decide', 'decided', 'processing'),
      entry('result-signed', 'decided', 'decided'),
      entry('return-result', 'returned', 'decided'),
    ];
    const changes = statusChanges({ timeline });
    expect(changes.map((c) => [c.sequence, c.dvcqgStatus])).toEqual([
      [1, 1],
      [2, 2],
      [3, 4],
      [4, 5],
      [5, 4],
      [6, 9],
      [7, 10],
    ]);
  });

  it('is stable as the timeline grows: the n-th change stays the n-th', () => {
    const before = statusChanges({ timeline: [entry('file', 'submitted'), entry('receive', 'received', 'submitted')] });
    const after = statusChanges({
      timeline: [entry('file', 'submitted'), entry('receive', 'received', 'submitted'), entry('refuse', 'refused')],
    });
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.at(-1)).toMatchObject({ sequence: 3, dvcqgStatus: 3 });
  });

  it('gives each update a deterministic id and carries the portal id when the dossier came from the portal', () => {
    const [change] = statusChanges({ timeline: [entry('file', 'submitted')] });
    if (!change) throw new Error('no change');
    const dossier = { code: '000.00.24.H01-261201-0001', procedure: { code: '1.001193', version: 1, name: 'n' } };
    const local = statusUpdate(dossier, change);
    expect(local).toMatchObject({ id: '000.00.24.H01-261201-0001:1', status: 1, statusText: 'Mới đăng ký' });
    expect(local).not.toHaveProperty('dvcqgId');
    expect(statusUpdate({ ...dossier, external: { dvcqgId: 'G22.99-1' } }, change)).toMatchObject({
      dvcqgId: 'G22.99-1',
    });
  });
});
