import type { DomainEvent } from '../../../shared/domain/events.ts';
import type { PublishEvents } from '../../../shared/use-cases/ports/publish-events.ts';

/** The event bus: `published` holds each batch accepted; `failNext` makes the next send throw, accepting none. */
export function fakePublishEvents(): PublishEvents & { published: DomainEvent[][]; failNext: () => void } {
  let fail = false;
  const publish = Object.assign(
    async (events: readonly DomainEvent[]) => {
      if (fail) {
        fail = false;
        throw new Error('bus unavailable');
      }
      publish.published.push(structuredClone([...events]));
    },
    {
      published: [] as DomainEvent[][],
      failNext() {
        fail = true;
      },
    },
  );
  return publish;
}
