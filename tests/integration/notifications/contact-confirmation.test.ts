import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../../infra/local/cloud.ts';
import { capturedEmails, capturedSms } from '../../../infra/local/notification-capture.ts';
import { seedDemoProvince } from '../../../infra/local/seed.ts';
import { stripDiacritics } from '../../../shared/domain/notifications/sms.ts';
import { paths } from '../../../shared/portal/paths.ts';
import { signInToPortal } from '../../support/portal-agent.ts';
import { birthRegistration, request, tokenFor } from '../../support/http.ts';
import { applicantSteps } from '../../../shared/domain/notifications/templates.ts';

/**
 * Issue 15, item 6: "contacts that differ from the account's are confirmed before anything is sent
 * to them". Trần Thị Bình's account carries her own verified phone and e-mail (demo-users.ts); she files
 * naming a stranger's. The stranger's phone gets one code, nothing about the dossier, until she enters it.
 */
const strangerPhone = '0911222333';
const strangerEmail = 'nguoi.la@example.vn';

let cloud: LocalCloud;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  cloud = await startLocalCloud({
    // Texted at every step the applicant is told of (not only the deployment's milestones): the SMS
    // channel's mechanics show on the first steps a filing reaches.
    smsMilestones: applicantSteps,
    seed: seedDemoProvince,
    scheduler: false,
  });
  for (const sub of ['citizen-an', 'citizen-binh', 'receiver-lan']) tokens[sub] = await tokenFor(cloud, sub);
});
afterAll(() => cloud?.stop());

const applicant = {
  fullName: 'Trần Thị Bình',
  idNumber: '024090001235',
  phone: strangerPhone,
  email: strangerEmail,
  address: 'Phường Bắc Giang, tỉnh Bắc Ninh',
};

const textsTo = async (phone: string) => (await capturedSms(cloud.env)).filter((m) => m.to === phone);
const emailsTo = async (address: string) => (await capturedEmails(cloud.env)).filter((m) => m.to === address);
const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)?.[1];

async function receive(code: string) {
  const current = await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens['receiver-lan'] });
  const received = await request(cloud, 'POST', `/v1/dossiers/${code}/actions`, {
    token: tokens['receiver-lan'],
    body: { type: 'receive', expectedVersion: current.body.version },
  });
  expect(received.status, JSON.stringify(received.body)).toBe(200);
  await cloud.settle();
}

const confirm = (sub: string, code: string) =>
  request(cloud, 'POST', '/v1/me/contact-confirmations', { token: tokens[sub], body: { code } });

describe('contacts a citizen names that the account does not own', () => {
  let dossier: string;
  let smsCode: string;
  let emailCode: string;
  /** A six-digit code that is neither contact's. */
  const wrongCode = () => {
    wrongTried += 1;
    return ['000000', '000001', '000002'].find((c) => c !== smsCode && c !== emailCode) as string;
  };
  let wrongTried = 0;

  it('receive one confirmation code each, and nothing about the dossier', async () => {
    const filed = await request(cloud, 'POST', '/v1/dossiers', {
      token: tokens['citizen-binh'],
      body: birthRegistration({ applicant }),
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    dossier = filed.body.code as string;
    await cloud.settle();
    await receive(dossier);

    const texts = await textsTo(strangerPhone);
    expect(texts).toHaveLength(1);
    // Diacritics kept or stripped (SMS_DIACRITICS), the text is the same.
    expect(stripDiacritics(texts[0]?.text ?? '')).toMatch(/^Ma xac nhan lien he tren Cong DVC: \d{6}\./);
    expect(texts.some((m) => m.text.includes(dossier))).toBe(false);
    smsCode = codeIn(texts[0]?.text ?? '') as string;

    const emails = await emailsTo(strangerEmail);
    expect(emails.map((m) => m.subject)).toEqual(['Xác nhận địa chỉ email nhận thông báo']);
    expect(emails[0]?.text).not.toContain(dossier);
    // The e-mail's code is its own: a code confirms only the contact it was sent to.
    emailCode = codeIn(emails[0]?.text ?? '') as string;
    expect(emailCode).toMatch(/^\d{6}$/);
  });

  it('is not confirmed by a wrong code, nor by another account with the right one', async () => {
    const wrong = await confirm('citizen-binh', wrongCode());
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('wrong-confirmation-code');
    const other = await confirm('citizen-an', smsCode);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('no-pending-confirmation');
    const malformed = await confirm('citizen-binh', '12345');
    expect(malformed.status).toBe(400);
  });

  it('once confirmed, the phone receives the next steps; a retried confirmation is answered the same', async () => {
    const confirmed = await confirm('citizen-binh', smsCode);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toEqual({ channel: 'phone' });
    expect(await confirm('citizen-binh', smsCode)).toMatchObject({ status: 200, body: { channel: 'phone' } });

    const again = await request(cloud, 'POST', '/v1/dossiers', {
      token: tokens['citizen-binh'],
      body: birthRegistration({ applicant }),
    });
    expect(again.status).toBe(201);
    await cloud.settle();
    const code = again.body.code as string;
    expect((await textsTo(strangerPhone)).filter((m) => m.text.includes(code))).toHaveLength(1);
    // The e-mail address is still unconfirmed: its code is not sent twice within its day.
    expect(await emailsTo(strangerEmail)).toHaveLength(1);
  });

  it('is confirmed on the portal page, which explains a wrong code in Vietnamese', async () => {
    const binh = await signInToPortal(cloud.apiUrl, 'citizen-binh');
    const form = await binh.get(paths.confirmContact);
    expect(form.status).toBe(200);
    expect(form.body).toContain('Mã xác nhận');
    const wrong = await binh.post(paths.confirmContact, { code: wrongCode() });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toContain('<title>Lỗi: Xác nhận liên hệ');
    expect(wrong.body).toContain('Mã xác nhận không đúng.');
    const right = await binh.post(paths.confirmContact, { code: emailCode });
    expect(right.status).toBe(200);
    expect(right.body).toContain('Địa chỉ email đã được xác nhận');

    const code = (
      await request(cloud, 'POST', '/v1/dossiers', {
        token: tokens['citizen-binh'],
        body: birthRegistration({ applicant }),
      })
    ).body.code as string;
    await cloud.settle();
    expect((await emailsTo(strangerEmail)).filter((m) => m.subject.includes(code))).toHaveLength(1);
  });

  it('limits wrong codes per account and day, answering 429 with Retry-After', async () => {
    // Codes entered already stay valid for their day, so wrong ones still count against them.
    const allowance = 5; // CONTACT_CODE_ATTEMPTS_PER_DAY
    while (wrongTried < allowance) expect((await confirm('citizen-binh', wrongCode())).status).toBe(422);
    const limited = await confirm('citizen-binh', wrongCode());
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('too-many-code-attempts');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('a contact checked at the desk needs no code', async () => {
    const deskPhone = '0911222444';
    const filed = await request(cloud, 'POST', '/v1/counter/dossiers', {
      token: tokens['receiver-lan'],
      body: birthRegistration({ applicant: { ...applicant, phone: deskPhone, email: undefined } }),
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    await cloud.settle();
    const texts = await textsTo(deskPhone);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((m) => m.text.includes(filed.body.code as string))).toBe(true);
  });
});
