import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newLookupPin, pinHasherOf } from '../../../shared/domain/lookup-pin.ts';

const pepper = 'a'.repeat(43);
const hasher = pinHasherOf(pepper);
const code = '24.07210-260302-0001';

describe('the look-up PIN', () => {
  it('is six digits', () => {
    for (let i = 0; i < 200; i++) expect(newLookupPin()).toMatch(/^\d{6}$/);
  });

  it('is stored keyed with the pepper: without it the million PINs of a code cannot be tried', () => {
    const stored = hasher.hash(code, '042137');
    // Not the unkeyed hash anyone could recompute from the public code…
    expect(stored).not.toContain(createHash('sha256').update(`${code}:042137`).digest('hex'));
    // …and another pepper gives another hash.
    expect(pinHasherOf('b'.repeat(43)).hash(code, '042137')).not.toBe(stored);
    expect(hasher.matches(code, '042137', stored)).toBe(true);
  });

  it('matches only its own PIN on its own dossier', () => {
    const stored = hasher.hash(code, '042137');
    expect(hasher.matches(code, '042138', stored)).toBe(false);
    expect(hasher.matches('24.07210-260302-0002', '042137', stored)).toBe(false);
    expect(pinHasherOf('b'.repeat(43)).matches(code, '042137', stored)).toBe(false);
  });

  it('still matches a hash stored before the pepper, so no receipt already handed out stops working', () => {
    const legacy = createHash('sha256').update(`${code}:042137`).digest('hex');
    expect(hasher.matches(code, '042137', legacy)).toBe(true);
    expect(hasher.matches(code, '000000', legacy)).toBe(false);
  });
});
