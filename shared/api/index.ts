// The worker's API bodies and replies, shared with the extension (docs/worker.md describes each endpoint).
export * from './common';
export * from './tenancy';
export * from './orgs';
export * from './sync';
export * from './members';
export * from './reminders';
export * from './webhooks';
export * from './audit';
export * from './localRules';
