// nodejs_compat (wrangler.toml) gives the worker node:crypto; only what the audit chain uses is typed here.
declare module 'node:crypto' {
  interface Hash {
    update(data: string | Uint8Array, encoding?: 'utf8'): Hash;
    digest(encoding: 'hex'): string;
  }
  export function createHash(algorithm: 'sha256'): Hash;
  export function createHmac(algorithm: 'sha256', key: Uint8Array): Hash;
}
