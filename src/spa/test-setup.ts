import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, expect, vi } from 'vitest';
import { setMissingMessageHandler } from './shared/i18n/i18n.ts';

// `findBy…` waits up to 10 s (not 1 s): a page's code is transformed on first import, and a step of a
// flow may take several round trips to the world's BFF and simulator, which share two cores with the
// whole suite (the upgrade wizard's "Start upgrade" → "Upgrading" once took over 3 s in CI); a test still
// fails when the element never comes.
configure({ asyncUtilTimeout: 10_000 });

// jsdom lacks the layout APIs Mantine calls: media queries (color scheme, reduced motion, responsive
// props), ResizeObserver (ScrollArea, Table.ScrollContainer) and scrollIntoView (Combobox options).
if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    configurable: true,
    value: (query: string): MediaQueryList => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });
}

class ResizeObserverStub implements ResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
if (!window.ResizeObserver) window.ResizeObserver = ResizeObserverStub;
if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {};
// Mantine's autosizing Textarea re-measures when web fonts finish loading; jsdom has no font set.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', { configurable: true, value: Object.assign(new EventTarget(), { ready: Promise.resolve() }) });
}
// CodeMirror measures text through Range rectangles, which jsdom does not lay out.
if (!Range.prototype.getClientRects) {
  Range.prototype.getClientRects = () => Object.assign([] as DOMRect[], { item: () => null }) as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => new DOMRect(0, 0, 0, 0);
}

// A key that no loaded message module defines shows as itself in the console: here it fails the
// test. Components import the messages they show, so this also proves each module brings its text.
const missingMessages = new Set<string>();
setMissingMessageHandler((key) => missingMessages.add(key));

afterEach(() => {
  const missing = [...missingMessages];
  missingMessages.clear();
  cleanup();
  window.localStorage.clear();
  window.sessionStorage.clear();
  document.documentElement.lang = '';
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  expect(missing, 'message keys shown without their messages loaded').toEqual([]);
});
