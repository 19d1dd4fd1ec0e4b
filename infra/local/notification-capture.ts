/**
 * What the local cloud's capture transports wrote: the emails (`.eml` files) and the SMS log, read
 * back for tests and for a developer checking what an applicant would have received.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface CapturedEmail {
  file: string;
  to: string;
  subject: string;
  text: string;
}

export interface CapturedSms {
  at: string;
  from: string;
  to: string;
  text: string;
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  reference: string;
}

const dirOf = (env: Readonly<Record<string, string>>) => {
  const dir = env.NOTIFICATION_CAPTURE_DIR;
  if (!dir) throw new Error('This cloud has no NOTIFICATION_CAPTURE_DIR');
  return dir;
};

const decodeWord = (header: string) =>
  header.replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_m, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));

export async function capturedEmails(env: Readonly<Record<string, string>>): Promise<CapturedEmail[]> {
  const folder = join(dirOf(env), 'email');
  const files = await readdir(folder).catch(() => [] as string[]);
  return Promise.all(
    files.sort().map(async (file) => {
      const raw = await readFile(join(folder, file), 'utf8');
      const [head = '', body = ''] = raw.split('\r\n\r\n');
      const header = (name: string) =>
        head
          .split('\r\n')
          .find((l) => l.startsWith(`${name}: `))
          ?.slice(name.length + 2) ?? '';
      return {
        file,
        to: header('To'),
        subject: decodeWord(header('Subject')),
        text: Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8'),
      };
    }),
  );
}

export async function capturedSms(env: Readonly<Record<string, string>>): Promise<CapturedSms[]> {
  const raw = await readFile(join(dirOf(env), 'sms.log'), 'utf8').catch(() => '');
  return raw
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CapturedSms);
}
