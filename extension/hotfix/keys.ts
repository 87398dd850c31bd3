/**
 * Whose hotfix documents the extension believes: the publisher's Ed25519 public keys (base64).
 * The private half never enters the repository (scripts/hotfix.ts keeps it outside; see
 * docs/overlay.md). Two keys may be listed while one replaces the other.
 */
export const PUBLISHER_KEYS: readonly string[] = ['K8d7Ygo2IogJqGED46/AnW+yMkywq9nkQM9xe0O/XzQ='];

/**
 * Keys a test build also trusts: `WXT_HOTFIX_TEST_KEYS` (comma-separated) at build time, set by
 * the end-to-end setup with a key made for that run. A release build is made without it.
 */
const testKeys = (import.meta.env?.WXT_HOTFIX_TEST_KEYS ?? '').split(',').filter(Boolean);

export const TRUSTED_HOTFIX_KEYS: readonly string[] = [...PUBLISHER_KEYS, ...testKeys];
