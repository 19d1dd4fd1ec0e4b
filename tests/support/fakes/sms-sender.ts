import type { Sms, SmsSender } from '../../../shared/use-cases/ports/sms-sender.ts';

/** An SMS gateway that keeps what it accepted in `sent`; `failNext` makes the next sends throw. */
export function fakeSmsSender(): SmsSender & { sent: Sms[]; failNext: (times?: number, error?: Error) => void } {
  let failures: Error[] = [];
  const send = Object.assign(
    async (sms: Sms) => {
      const failure = failures.shift();
      if (failure) throw failure;
      send.sent.push(structuredClone(sms));
    },
    {
      sent: [] as Sms[],
      failNext(times = 1, error = new Error('gateway unavailable')) {
        failures = Array.from({ length: times }, () => error);
      },
    },
  );
  return send;
}
