import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { lookupAttempts } from '../../shared/adapters/dynamo/lookup-attempts.ts';
import type { LookupAttempts } from '../../shared/use-cases/ports/lookup-attempts.ts';

let cloud: LocalCloud;
let attempts: LookupAttempts;
beforeAll(async () => {
  cloud = await startLocalCloud({ scheduler: false });
  attempts = lookupAttempts(cloud.tableName, { perCode: 5, perClient: 20, windowSeconds: 900 });
});
afterAll(() => cloud?.stop());

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 4, 1, 0, 0) + seconds * 1000);

describe('look-up attempts, counted in DynamoDB before a PIN is compared', () => {
  it('grants five attempts of a code in a window however many race, then tells when the window ends', async () => {
    const claims = await Promise.all(
      Array.from({ length: 30 }, () => attempts.claimForCode('24.A-261204-0001', at(0))),
    );
    expect(claims.filter((c) => c.granted)).toHaveLength(5);
    // The window opened at t = 0 s and lasts 900 s: at t = 100 s, 900 − 100 = 800 s remain.
    const later = await attempts.claimForCode('24.A-261204-0001', at(100));
    expect(later).toEqual({ granted: false, retryAfterSeconds: 800 });
    // At t = 900 s the window is over: a new one opens with this attempt.
    expect((await attempts.claimForCode('24.A-261204-0001', at(900))).granted).toBe(true);
  });

  it('gives an attempt back when the PIN was right, but not into a later window', async () => {
    const code = '24.A-261204-0002';
    for (let i = 0; i < 4; i++) expect((await attempts.claimForCode(code, at(0))).granted).toBe(true);
    const right = await attempts.claimForCode(code, at(10));
    if (!right.granted) throw new Error('the fifth attempt is granted');
    await right.release();
    // 4 kept + the released one: one attempt is left in this window, and only one.
    expect((await attempts.claimForCode(code, at(20))).granted).toBe(true);
    expect((await attempts.claimForCode(code, at(30))).granted).toBe(false);

    const code3 = '24.A-261204-0003';
    const old = await attempts.claimForCode(code3, at(0));
    if (!old.granted) throw new Error('the first attempt is granted');
    // A new window opens at t = 900 s; a release of the old window's attempt must not credit it.
    for (let i = 0; i < 5; i++) expect((await attempts.claimForCode(code3, at(900))).granted).toBe(true);
    await old.release();
    expect((await attempts.claimForCode(code3, at(901))).granted).toBe(false);
  });

  it('counts a client apart from any code', async () => {
    for (let i = 0; i < 20; i++) expect((await attempts.claimForClient('198.51.100.7', at(0))).granted).toBe(true);
    expect(await attempts.claimForClient('198.51.100.7', at(60))).toEqual({ granted: false, retryAfterSeconds: 840 });
    expect((await attempts.claimForClient('198.51.100.8', at(60))).granted).toBe(true);
    expect((await attempts.claimForCode('24.A-261204-0004', at(60))).granted).toBe(true);
  });
});
