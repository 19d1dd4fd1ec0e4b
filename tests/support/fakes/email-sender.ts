import type { Email, EmailSender } from '../../../shared/use-cases/ports/email-sender.ts';

/** An email provider that keeps what it accepted in `sent`; `failNext` makes the next sends throw. */
export function fakeEmailSender(): EmailSender & { sent: Email[]; failNext: (times?: number, error?: Error) => void } {
  let failures: Error[] = [];
  const send = Object.assign(
    async (email: Email) => {
      const failure = failures.shift();
      if (failure) throw failure;
      send.sent.push(structuredClone(email));
    },
    {
      sent: [] as Email[],
      failNext(times = 1, error = new Error('provider unavailable')) {
        failures = Array.from({ length: times }, () => error);
      },
    },
  );
  return send;
}
