/**
 * What a dossier write, as the table's stream carries it, asks of the indicator facts: the dossier as
 * written, from its events' first instant; nothing for a write without events.
 */
import { describe, expect, it } from 'vitest';
import type { Dossier } from '#domain/dossier/dossier.ts';
import type { DomainEvent } from '#domain/events.ts';
import { factInputOf } from '#shared/use-cases/record-indicators.ts';

const dossier = { code: '24.07210-261204-0001', version: 3 } as Dossier;
const event = (type: DomainEvent['type'], occurredAt: string): DomainEvent =>
  ({ id: `${dossier.code}:3:${type}`, type, dossierCode: dossier.code, occurredAt, data: {} }) as DomainEvent;

describe('the fact a stream record asks for', () => {
  it('takes the dossier as written, from its step’s instant', () => {
    const outbox = [event('DossierChanged', '2026-12-04T09:00:00+07:00')];
    expect(factInputOf({ dossier, outbox, outboxVersion: 3 })).toEqual({
      dossierCode: dossier.code,
      occurredAt: '2026-12-04T09:00:00+07:00',
      dossier,
    });
  });

  it('starts from the earliest of the write’s events: a filing at 23:59 of 30 November and its step after midnight count from November', () => {
    const outbox = [
      event('DossierChanged', '2026-12-01T00:00:01+07:00'),
      event('DossierSubmitted', '2026-11-30T23:59:00+07:00'),
    ];
    expect(factInputOf({ dossier, outbox, outboxVersion: 3 })?.occurredAt).toBe('2026-11-30T23:59:00+07:00');
  });

  it('records a routing to intake too: every write the stream lets through keeps the fact at its version', () => {
    const outbox = [event('DossierRouted', '2026-12-04T09:00:00+07:00')];
    expect(factInputOf({ dossier, outbox, outboxVersion: 3 })?.dossier).toBe(dossier);
  });

  it('asks nothing of a write without events, or of an earlier write’s outbox', () => {
    expect(factInputOf({ dossier, outbox: [], outboxVersion: undefined })).toBeUndefined();
    const outbox = [event('DossierChanged', '2026-12-04T09:00:00+07:00')];
    expect(factInputOf({ dossier, outbox, outboxVersion: 2 })).toBeUndefined();
  });
});
