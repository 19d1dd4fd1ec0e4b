import { describe, expect, it } from 'vitest';
import {
  confirmedContactsAtFiling,
  normalizeEmail,
  normalizePhone,
} from '../../../shared/domain/notifications/contacts.ts';

const applicant = { phone: '0912345678', email: 'An.Nguyen@Example.vn' };

describe('contacts a filing names', () => {
  it('reads a phone number in its national form, whichever way it was written', () => {
    // E.164 with Viet Nam's country code 84 (ITU-T E.164), and the national trunk prefix 0.
    expect(normalizePhone('+84912345678')).toBe('0912345678');
    expect(normalizePhone('84912345678')).toBe('0912345678');
    expect(normalizePhone('0912 345 678')).toBe('0912345678');
    expect(normalizePhone('0912.345.678')).toBe('0912345678');
    expect(normalizeEmail(' An.Nguyen@Example.VN ')).toBe('an.nguyen@example.vn');
  });

  it('online: only the contacts the account itself verified need no code', () => {
    expect(confirmedContactsAtFiling('online', applicant, { phone: '+84912345678' })).toEqual(['phone']);
    expect(confirmedContactsAtFiling('online', applicant, { email: 'an.nguyen@example.vn' })).toEqual(['email']);
    expect(confirmedContactsAtFiling('online', applicant, { phone: '0987654321', email: 'b@example.vn' })).toEqual([]);
    expect(confirmedContactsAtFiling('online', applicant, undefined)).toEqual([]);
  });

  it('at the desk, by post and from the national portal a person checked them: none needs a code', () => {
    for (const channel of ['counter', 'post', 'dvcqg'] as const) {
      expect(confirmedContactsAtFiling(channel, applicant, undefined)).toEqual(['phone', 'email']);
    }
    expect(confirmedContactsAtFiling('counter', { email: 'x@example.vn' }, undefined)).toEqual(['email']);
  });
});
