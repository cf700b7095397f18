import { releaseOperations } from '../../contract/releases.ts';
import { notImplementedArea, type Handler } from '../handler.ts';

type ReleaseOperations = typeof releaseOperations;

/** Handlers of the releases area, one per operation (checked at compile time in handlers.ts). */
export const releaseHandlers: { [K in keyof ReleaseOperations]: Handler<ReleaseOperations[K]> } = {
  ...notImplementedArea(releaseOperations, 'releases'),
};
