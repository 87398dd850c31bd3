import type { AuthContext } from './auth/context';

/** The bindings wrangler.toml gives the worker, plus its secrets (.dev.vars locally). */
export interface Bindings {
  DB: D1Database;
  AUDIT: R2Bucket;
  /** Comma-separated extension origins allowed by CORS. */
  ALLOWED_ORIGINS: string;
  /** Ed25519 private key, PKCS#8, base64: signs the audit checkpoints. */
  AUDIT_SIGNING_KEY?: string;
  /** Public keys (JWK `x`, a segment's `publicKey`) of AUDIT_SIGNING_KEYs rotated away, comma-separated: what they signed still verifies. */
  AUDIT_PREVIOUS_PUBLIC_KEYS?: string;
  /** AES-256-GCM key (32 bytes, base64) for robot URLs and 钉钉 secrets at rest; rotation: lib/secrets.ts. */
  WEBHOOK_KEY?: string;
  /** Previous WEBHOOK_KEYs (comma-separated), still read until the cron has re-encrypted every row. */
  WEBHOOK_KEY_PREVIOUS?: string;
  /** Bearer secret of `npm run worker:admin` (creating tenants and first invites). */
  ADMIN_SECRET?: string;
  /** Optional overrides of the per-minute limits (numbers as strings). */
  RATE_AUTH_FAILURES_PER_MIN?: string;
  RATE_WRITES_PER_MIN?: string;
  /** Answers "not in your subtree" a token may get per minute before it is answered 429 (default 60). */
  RATE_PROBES_PER_MIN?: string;
}

export type AppEnv = {
  Bindings: Bindings;
  Variables: {
    auth: AuthContext;
    requestId: string;
    idempotency?: { tenantId: string; key: string };
    /** On a retry of a request that issues a secret: what the first attempt issued (ids, never the secret). */
    reissue?: unknown;
  };
};
