import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../shared/domain/events.ts';
import { relayEvents } from '../../../shared/use-cases/relay-events.ts';
import { fakePublishEvents } from '../../support/fakes/publish-events.ts';

const event = (version: number): DomainEvent => ({
  id: `24.SXD-260302-0001:${version}:DossierChanged`,
  type: 'DossierChanged',
  dossierCode: '24.SXD-260302-0001',
  occurredAt: '2026-03-02T10:00:00+07:00',
  data: { applicantId: 'a', agencyId: '24.SXD', action: 'receive', from: 'submitted', to: 'received', dueAt: '' },
});

describe('relaying a dossier write’s events', () => {
  it('sends the events the write recorded', async () => {
    const publish = fakePublishEvents();
    expect(await relayEvents(publish)({ version: 2, outbox: [event(2)], outboxVersion: 2 })).toBe(1);
    expect(publish.published).toEqual([[event(2)]]);
  });

  it('sends nothing for a write whose outbox is an earlier version’s, or that recorded none', async () => {
    const publish = fakePublishEvents();
    const relay = relayEvents(publish);
    expect(await relay({ version: 3, outbox: [event(2)], outboxVersion: 2 })).toBe(0);
    expect(await relay({ version: 3, outbox: [], outboxVersion: 3 })).toBe(0);
    expect(await relay({ version: 3 })).toBe(0);
    expect(publish.published).toEqual([]);
  });

  it('fails the record when the send fails, so the stream delivers the write again', async () => {
    const publish = fakePublishEvents();
    const relay = relayEvents(publish);
    publish.failNext();
    const written = { version: 2, outbox: [event(2)], outboxVersion: 2 };
    await expect(relay(written)).rejects.toThrow('bus unavailable');
    expect(await relay(written)).toBe(1);
    expect(publish.published).toEqual([[event(2)]]);
  });
});
