// Every schema of the worker's API in one namespace, for tests that go through them all (the 身份证号
// guard's fuzzing). Code imports the file it needs, e.g. './sync'. docs/worker.md describes each endpoint.
export * from './common';
export * from './tenancy';
export * from './orgs';
export * from './sync';
export * from './members';
export * from './reminders';
export * from './webhooks';
export * from './audit';
export * from './localRules';
