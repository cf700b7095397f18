import type { TestProject } from 'vitest/node';
import { startWorldServer } from './world-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the SPA's tests open their worlds (see world-server.ts). */
    worldServer: string;
  }
}

/** Vitest's global setup of the `web` project: one world server for the whole run. */
export default async function setup(project: TestProject) {
  const server = await startWorldServer();
  project.provide('worldServer', server.origin);
  return () => server.close();
}
