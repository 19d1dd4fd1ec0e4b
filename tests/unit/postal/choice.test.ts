import { describe, expect, it } from 'vitest';
import { fileDossier } from '../../../shared/domain/dossier/file.ts';
import type { Procedure } from '../../../shared/domain/procedure.ts';
import { calendar, monday, people, permit, sxd } from '../lifecycle/fixtures.ts';
import { code, filedWith } from './fixtures.ts';

describe('choosing the postal service at filing', () => {
  it('a pickup makes a postal filing: channel post, the pickup at the applicant address by default', () => {
    const dossier = filedWith({ pickup: {} }, 'online');
    expect(dossier.channel).toBe('post');
    expect(dossier.status).toBe('submitted');
    expect(dossier.postal).toEqual({
      pickup: { address: 'Số 1 Lê Lợi, Bắc Giang', phone: '0912345678', shipmentId: `${code}-pickup` },
    });
    expect(dossier.timeline[0]?.note).toContain('qua dịch vụ bưu chính');
  });

  it('return by post gets a delivery, to another address when one is given', () => {
    expect(filedWith(undefined).postal).toEqual({
      delivery: { address: 'Số 1 Lê Lợi, Bắc Giang', phone: '0912345678', shipmentId: `${code}-delivery` },
    });
    const dossier = filedWith({
      pickup: { address: 'Thôn Đông' },
      delivery: { address: 'Số 9 Trần Phú', phone: '0987654321' },
    });
    expect(dossier.channel).toBe('post');
    expect(dossier.postal?.pickup?.address).toBe('Thôn Đông');
    expect(dossier.postal?.delivery).toEqual({
      address: 'Số 9 Trần Phú',
      phone: '0987654321',
      shipmentId: `${code}-delivery`,
    });
  });

  it('without post for filing or return, nothing postal and the channel stays online', () => {
    const dossier = filedWith(undefined, 'online');
    expect(dossier.channel).toBe('online');
    expect(dossier.postal).toBeUndefined();
  });

  it('refuses a delivery address unless the result is returned by post', () => {
    expect(() => filedWith({ delivery: { address: 'Số 9 Trần Phú' } }, 'counter')).toThrow(
      expect.objectContaining({ code: 'delivery-needs-post-return' }),
    );
  });

  it('refuses a pickup at the counter, where the papers already are', () => {
    expect(() =>
      fileDossier({
        caller: people.receiver,
        channel: 'counter',
        procedure: permit,
        agency: sxd,
        application: {
          applicant: { fullName: 'Nguyễn Văn An', idNumber: '024090001234', address: 'Bắc Giang' },
          returnMethod: 'post',
          formData: {},
          postal: { pickup: {} },
        },
        applicantId: 'walk-in',
        code,
        pinHash: 'h',
        now: monday,
        calendar,
      }),
    ).toThrow(expect.objectContaining({ code: 'pickup-not-at-counter' }));
  });

  it('accepts filing by post for a procedure not offered online, and refuses it online', () => {
    const paperOnly: Procedure = { ...permit, serviceLevel: 'offline' };
    const file = (postal?: { pickup: object }) =>
      fileDossier({
        caller: people.applicant,
        channel: 'online',
        procedure: paperOnly,
        agency: sxd,
        application: {
          applicant: { fullName: 'Nguyễn Văn An', idNumber: '024090001234', address: 'Bắc Giang' },
          returnMethod: 'counter',
          formData: {},
          ...(postal ? { postal } : {}),
        },
        applicantId: 'citizen-an',
        code,
        pinHash: 'h',
        now: monday,
        calendar,
      });
    expect(() => file()).toThrow(expect.objectContaining({ code: 'procedure-not-online' }));
    expect(file({ pickup: {} }).dossier.channel).toBe('post');
  });
});
