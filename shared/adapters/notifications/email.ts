import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type { Email, EmailSender } from '../../use-cases/ports/email-sender.ts';

/** Amazon SES v2: one simple (text, UTF-8) message per recipient. */
export function sesEmailSender(from: string, client: SESv2Client = new SESv2Client({})): EmailSender {
  return async (email) => {
    await client.send(
      new SendEmailCommand({
        FromEmailAddress: from,
        Destination: { ToAddresses: [email.to] },
        Content: {
          Simple: {
            Subject: { Data: email.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: email.text, Charset: 'UTF-8' } },
          },
        },
        EmailTags: [{ Name: 'delivery', Value: email.deliveryId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 256) }],
      }),
    );
  };
}

const encodedWord = (text: string) => `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;

/** An RFC 5322 message as a mail client opens it: UTF-8 headers as encoded words, the body base64. */
export function toEml(from: string, email: Email, date: Date): string {
  const body = Buffer.from(email.text, 'utf8')
    .toString('base64')
    .replace(/.{1,76}/g, '$&\r\n');
  return [
    `From: ${from}`,
    `To: ${email.to}`,
    `Subject: ${encodedWord(email.subject)}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${email.deliveryId.replace(/[^A-Za-z0-9._-]/g, '.')}@egov-one-stop.local>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    body,
  ].join('\r\n');
}

/**
 * Local: each email becomes `<dir>/email/<delivery>.eml`, inspectable by tests and by hand. A second
 * email for the same delivery (which the delivery records exist to prevent) is kept beside the first
 * as `<delivery>.2.eml`, so a test sees it.
 */
export function captureEmailSender(from: string, dir: string): EmailSender {
  return async (email) => {
    const folder = join(dir, 'email');
    await mkdir(folder, { recursive: true });
    const base = email.deliveryId.replace(/[^A-Za-z0-9._-]/g, '_');
    const eml = toEml(from, email, new Date());
    for (let n = 1; ; n++) {
      const name = n === 1 ? `${base}.eml` : `${base}.${n}.eml`;
      try {
        await writeFile(join(folder, name), eml, { flag: 'wx' });
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== 'EEXIST') throw error;
      }
    }
  };
}
