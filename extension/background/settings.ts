import { DEFAULT_SETTINGS, type Settings } from '../model/settings';
import type { LocalDb } from './store/db';

const KEY = 'settings';

export async function readSettings(db: LocalDb): Promise<Settings> {
  const stored = (await db.get('kv', KEY)) as Partial<Settings> | undefined;
  return { ...DEFAULT_SETTINGS, ...stored, features: { ...DEFAULT_SETTINGS.features, ...stored?.features } };
}

export async function updateSettings(db: LocalDb, change: Partial<Settings>): Promise<Settings> {
  const current = await readSettings(db);
  const next: Settings = { ...current, ...change, features: { ...current.features, ...change.features } };
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(next.reminderTime)) throw new Error('提醒时间格式应为 HH:MM');
  await db.put('kv', next, KEY);
  return next;
}
