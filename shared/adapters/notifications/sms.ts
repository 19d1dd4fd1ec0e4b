import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SmsSender } from '../../use-cases/ports/sms-sender.ts';

/**
 * An HTTP SMS gateway (brand-name SMS as Vietnamese carriers' aggregators offer it): a JSON POST,
 * the delivery key as `Idempotency-Key` so a gateway that supports it drops a repeated request.
 * Anything but a 2xx is a failure the queue retries.
 */
export function httpSmsSender(url: string | undefined, sender: string, timeoutMs = 5000): SmsSender {
  return async (sms) => {
    // Missing configuration fails each send (retried, then in the DLQ, alarmed), not the whole function.
    if (!url) throw new Error('SMS_GATEWAY_URL is not configured');
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'idempotency-key': sms.deliveryId },
      body: JSON.stringify({
        from: sender,
        to: sms.to,
        text: sms.message.text,
        unicode: sms.message.encoding === 'UCS-2',
        reference: sms.deliveryId,
      }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Never the number or the text in an error: they end up in logs.
    if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
  };
}

/** Local: one JSON line per SMS in `<dir>/sms.log`. */
export function captureSmsSender(sender: string, dir: string): SmsSender {
  return async (sms) => {
    await mkdir(dir, { recursive: true });
    const line = {
      at: new Date().toISOString(),
      from: sender,
      to: sms.to,
      text: sms.message.text,
      encoding: sms.message.encoding,
      segments: sms.message.segments,
      reference: sms.deliveryId,
    };
    await appendFile(join(dir, 'sms.log'), `${JSON.stringify(line)}\n`);
  };
}
