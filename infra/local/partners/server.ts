/**
 * One HTTP server for the partners' simulators: `/<partner>/<path>` reaches that partner. It checks
 * the platform's signature as the real partner would, so an unsigned or mis-signed call fails here too.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type PartnerName, partnerNames } from '../../../shared/domain/partners/partner.ts';
import {
  checkWebhookSignature,
  signatureHeader,
  timestampHeader,
} from '../../../shared/domain/partners/webhook-signature.ts';
import { createSimulators, type Simulators } from './simulators.ts';

export interface PartnerServer {
  url: string;
  /** partner → shared secret (the local cloud's PARTNER_SECRETS). */
  secrets: Record<PartnerName, string>;
  /** partner → base URL (the local cloud's PARTNER_URLS). */
  urls: Record<PartnerName, string>;
  simulators: Simulators;
  close(): Promise<void>;
}

export async function startPartnerServer(options: { apiUrl: () => string; host?: string }): Promise<PartnerServer> {
  const secrets = Object.fromEntries(partnerNames.map((p) => [p, randomBytes(32).toString('hex')])) as Record<
    PartnerName,
    string
  >;
  let url = '';
  const baseOf = (partner: PartnerName) => `${url}/${partner}`;
  const simulators = createSimulators((partner) => ({
    partner,
    secret: secrets[partner],
    apiUrl: options.apiUrl,
    baseUrl: () => baseOf(partner),
  }));

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const [, partner, ...rest] = (req.url ?? '/').split('?')[0]?.split('/') ?? [];
      const simulator = simulators[partner as PartnerName] as Simulators[PartnerName] | undefined;
      if (!simulator) return reply(404, { error: 'not found' });
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const isForm =
        req.method === 'GET' || String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded');
      if (isForm) {
        simulator
          .browse(req.method ?? 'GET', `/${rest.join('/')}`, new URLSearchParams(rawBody))
          .then((page) => {
            if (!page) return reply(404, { error: 'not found' });
            res.writeHead(page.status, {
              'content-type': 'text/html; charset=utf-8',
              ...(page.location ? { location: page.location } : {}),
            });
            res.end(page.html ?? '');
          })
          .catch((error: unknown) => reply(500, { error: (error as Error).message }));
        return;
      }
      if (req.method !== 'POST') return reply(404, { error: 'not found' });
      const check = checkWebhookSignature({
        secret: secrets[partner as PartnerName],
        timestamp: header(req.headers[timestampHeader]),
        signature: header(req.headers[signatureHeader]),
        rawBody,
        now: new Date(),
      });
      if (!check.ok) return reply(401, { error: check.reason });
      let body: unknown;
      try {
        body = JSON.parse(rawBody);
      } catch {
        return reply(400, { error: 'malformed JSON' });
      }
      simulator
        .handle(`/${rest.join('/')}`, body)
        .then((r) => reply(r.status, r.body ?? {}))
        .catch((error: unknown) => reply(500, { error: (error as Error).message }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, options.host ?? '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    secrets,
    urls: Object.fromEntries(partnerNames.map((p) => [p, baseOf(p)])) as Record<PartnerName, string>,
    simulators,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
