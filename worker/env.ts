/** The bindings wrangler.toml gives the worker. */
export interface Bindings {
  DB: D1Database;
  AUDIT: R2Bucket;
  ALLOWED_ORIGINS: string;
}

export type AppEnv = { Bindings: Bindings };
