/**
 * The officials' roster check: on a read it runs beside the use case (a roster cache miss costs no
 * round trip of its own), and its refusal still decides the answer; on a write it runs first, so a
 * refused official changes nothing.
 */
import middy from '@middy/core';
import { describe, expect, it } from 'vitest';
import type { Official } from '../../../shared/domain/official.ts';
import type { HttpEvent } from '../../../shared/http/parse-request.ts';
import { rosterCheck } from '../../../shared/http/roster-check.ts';

const caller = { sub: 'leader-hung', roles: ['leader'], agencyId: '24.07210' };
const active: Official = {
  sub: 'leader-hung',
  name: 'Vũ Mạnh Hùng',
  agencyId: '24.07210',
  roles: ['leader'],
  active: true,
};

/** A roster whose lookup answers only when released, so the test sees what ran meanwhile. */
function heldRoster(entry: Official | undefined) {
  let release = () => undefined as void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { lookup: () => async () => released.then(() => entry), release: () => release() };
}

function stack(concurrent: boolean, roster: ReturnType<typeof heldRoster>, outcome: 'ok' | 'not-found') {
  const ran: string[] = [];
  const handler = middy<HttpEvent, { statusCode: number }>(async () => {
    ran.push('use case');
    // The use case reads; the lookup answers meanwhile.
    roster.release();
    if (outcome === 'not-found') throw Object.assign(new Error('Không tìm thấy'), { code: 'not-found' });
    return { statusCode: 200 };
  })
    .use({
      // What problemErrors does first of all: the error that decides the answer.
      onError: async (request) => {
        request.response = { statusCode: (request.error as { code?: string }).code === 'not-found' ? 404 : 403 };
      },
    })
    .use(rosterCheck(roster.lookup, { concurrent }));
  const event = { parsed: { caller } } as unknown as HttpEvent;
  return { run: () => handler(event, {} as never), ran };
}

describe('the roster check', () => {
  it('on a read, lets the use case start before the lookup answers, and answers once both have', async () => {
    const roster = heldRoster(active);
    const { run, ran } = stack(true, roster, 'ok');
    await expect(run()).resolves.toEqual({ statusCode: 200 });
    expect(ran).toEqual(['use case']);
  });

  it('on a read, answers the refusal of a deactivated official whatever the use case answered', async () => {
    for (const outcome of ['ok', 'not-found'] as const) {
      const { run } = stack(true, heldRoster({ ...active, active: false }), outcome);
      await expect(run()).resolves.toEqual({ statusCode: 403 });
    }
  });

  it('on a read, keeps the use case’s own error when the roster holds', async () => {
    const { run } = stack(true, heldRoster(active), 'not-found');
    await expect(run()).resolves.toEqual({ statusCode: 404 });
  });

  it('on a write, runs no use case for a refused official', async () => {
    const roster = heldRoster({ ...active, active: false });
    const { run, ran } = stack(false, roster, 'ok');
    const answer = run();
    roster.release();
    await expect(answer).resolves.toEqual({ statusCode: 403 });
    expect(ran).toEqual([]);
  });
});
