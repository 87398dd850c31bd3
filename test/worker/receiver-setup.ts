import type { TestProject } from 'vitest/node';
import { startReceiver } from './receiver';

declare module 'vitest' {
  export interface ProvidedContext {
    receiverPort: number;
  }
}

export default async function setup(project: TestProject) {
  const { server, port } = await startReceiver();
  project.provide('receiverPort', port);
  return () => new Promise<void>((r) => server.close(() => r()));
}
