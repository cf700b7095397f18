import { addonOperations } from '../../contract/addons.ts';
import { notImplementedArea, type Handler } from '../handler.ts';

type AddonOperations = typeof addonOperations;

/** Handlers of the add-ons area, one per operation (checked at compile time in handlers.ts). */
export const addonHandlers: { [K in keyof AddonOperations]: Handler<AddonOperations[K]> } = {
  ...notImplementedArea(addonOperations, 'add-ons'),
};
