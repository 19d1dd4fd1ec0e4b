import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSealed, recordSealOf } from '../../../shared/adapters/record-seal.ts';

const secret = 'a'.repeat(48);
const seal = recordSealOf(secret);
/** A first answer as an official's step returns it: a dossier with a timeline of repeated shape. */
const answer = JSON.stringify({
  code: '24.07210-261204-0001',
  status: 'processing',
  timeline: Array.from({ length: 12 }, (_, i) => ({
    at: `2026-12-04T09:${String(i).padStart(2, '0')}:00+07:00`,
    actor: { sub: 'specialist-nam', role: 'specialist' },
    action: 'forward',
    note: 'Hồ sơ đã được chuyển bước xử lý tiếp theo.',
    hash: createHmac('sha256', 'x').update(String(i)).digest('hex'),
  })),
});

describe('the record seal', () => {
  it('opens what it sealed, for the same record only', () => {
    const sealed = seal.seal('IDEMPOTENCY#a/b', answer);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('specialist-nam');
    expect(seal.open('IDEMPOTENCY#a/b', sealed)).toBe(answer);
    expect(() => seal.open('IDEMPOTENCY#a/c', sealed)).toThrow();
    expect(() => recordSealOf('b'.repeat(48)).open('IDEMPOTENCY#a/b', sealed)).toThrow();
  });

  it('keeps a first answer in well under half its size: the record is billed per KB written', () => {
    const sealed = seal.seal('IDEMPOTENCY#a/b', answer);
    expect(Buffer.byteLength(answer)).toBeGreaterThan(3_000);
    expect(Buffer.byteLength(sealed)).toBeLessThan(Buffer.byteLength(answer) / 2);
  });

  it('still opens a value sealed before compression (v1)', () => {
    const recordKey = 'FILING#x/y';
    const key = createHmac('sha256', secret).update(`egov-one-stop record seal\0${recordKey}`).digest();
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(recordKey, 'utf8'));
    const body = Buffer.concat([cipher.update('123456', 'utf8'), cipher.final()]);
    const v1 = `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    expect(isSealed(v1)).toBe(true);
    expect(seal.open(recordKey, v1)).toBe('123456');
  });
});
