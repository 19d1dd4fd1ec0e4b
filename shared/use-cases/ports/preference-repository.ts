/** The channels a user receives notifications on: in-app always, email and SMS unless turned off. */
export interface NotificationPreferences {
  inApp: true;
  email: boolean;
  sms: boolean;
  /** Absent until the user saved a choice. */
  updatedAt?: string;
}

/** Each user's notification channels. */
export interface PreferenceRepository {
  /** The user's channels; every channel on when the user never chose. */
  get(userId: string): Promise<NotificationPreferences>;

  /** Saves the user's choice (replacing any earlier one) and answers it as stored. */
  put(userId: string, prefs: { email: boolean; sms: boolean }, at: string): Promise<NotificationPreferences>;
}
