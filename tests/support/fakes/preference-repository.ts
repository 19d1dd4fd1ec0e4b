import type {
  NotificationPreferences,
  PreferenceRepository,
} from '../../../shared/use-cases/ports/preference-repository.ts';
import { copy } from './page.ts';

/** Each user's channels in memory: every channel on until the user saved a choice (dynamo defaultPreferences). */
export function fakePreferenceRepository(
  initial: Record<string, { email: boolean; sms: boolean }> = {},
): PreferenceRepository {
  const saved = new Map<string, NotificationPreferences>(
    Object.entries(initial).map(([user, prefs]) => [user, { inApp: true, ...prefs }]),
  );
  return {
    async get(userId) {
      return copy(saved.get(userId) ?? { inApp: true, email: true, sms: true });
    },
    async put(userId, prefs, at) {
      const stored: NotificationPreferences = { inApp: true, email: prefs.email, sms: prefs.sms, updatedAt: at };
      saved.set(userId, stored);
      return copy(stored);
    },
  };
}
