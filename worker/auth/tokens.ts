import { randomText, sha256Hex } from '../lib/crypto';

/** Bearer tokens: 256 random bits; the worker keeps only their SHA-256. */
export async function newToken(prefix: 'laa' | 'feed'): Promise<{ token: string; hash: string; id: string }> {
  const token = `${prefix}_${randomText(32)}`;
  return { token, hash: await sha256Hex(token), id: `tok_${randomText(9)}` };
}

/** Invite codes: 120 random bits, readable aloud in groups; stored hashed too. */
export async function newInviteCode(): Promise<{ code: string; hash: string }> {
  const raw = randomText(15).toUpperCase().replace(/[-_]/g, 'X');
  const code = raw.match(/.{1,5}/g)!.join('-');
  return { code, hash: await inviteHash(code) };
}

export const inviteHash = (code: string) => sha256Hex(`invite\u0000${code.trim().toUpperCase()}`);

export const DAY_MS = 86_400_000;
export const iso = (ms: number) => new Date(ms).toISOString();
