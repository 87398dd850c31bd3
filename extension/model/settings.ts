/** The admin's choices; every feature can be switched off in the options page. */
export interface Settings {
  /** Feature id → on/off; a feature not listed is on. */
  features: Record<string, boolean>;
  /** The daily reminder, `HH:MM` China time. */
  reminderTime: string;
  /** Whether members' names go to the team's worker in clear (else masked + keyed hash). */
  shareNames: boolean;
}

export const DEFAULT_SETTINGS: Settings = { features: {}, reminderTime: '09:00', shareNames: true };

export function featureOn(settings: Settings, id: string): boolean {
  return settings.features[id] !== false;
}
