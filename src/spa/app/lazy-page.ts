import { createElement, use, useSyncExternalStore, type ComponentType } from 'react';

/**
 * A page whose code is fetched on first use. `preload` starts (or joins) the fetch: the router calls it
 * for the address the console opens on, so the page's code loads alongside the shell, the catalog and
 * the session instead of after them.
 */
export interface LazyPage<P extends object = object> {
  Component: ComponentType<P>;
  preload(): Promise<unknown>;
}

let loading = 0;
const listeners = new Set<() => void>();
function setLoading(delta: number) {
  loading += delta;
  // Told after the current render: a page starts its fetch while rendering, and the shell must not
  // be updated in the middle of another component's render.
  queueMicrotask(() => {
    for (const listener of listeners) listener();
  });
}

/** A promise React's `use` reads without suspending once it is settled (React's own thenable protocol). */
type TrackedPromise<T> = Promise<T> & { status?: 'pending' | 'fulfilled' | 'rejected'; value?: T; reason?: unknown };

export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  let pending: TrackedPromise<ComponentType<P>> | undefined;
  const preload = () => {
    if (!pending) {
      setLoading(1);
      const tracked: TrackedPromise<ComponentType<P>> = load().then(
        (Component) => {
          setLoading(-1);
          Object.assign(tracked, { status: 'fulfilled', value: Component });
          return Component;
        },
        // Kept as failed: the page's error boundary shows it (with "Reload the console": after a
        // redeploy the old chunk names are gone, and only a reload fetches the new ones).
        (error: unknown) => {
          setLoading(-1);
          Object.assign(tracked, { status: 'rejected', reason: error });
          throw error;
        },
      );
      tracked.status = 'pending';
      pending = tracked;
    }
    return pending;
  };
  // Not React.lazy: that suspends on first render even when the code is already here, and React then
  // holds the fallback for its 300 ms reveal throttle. `use` of a settled promise (marked the way
  // React marks thenables) returns at once, so code preloaded while the session loads renders at once;
  // and the page calls `use` on every render, as React requires of a component that suspended.
  function Page(props: P) {
    const Component = use(preload() as Promise<ComponentType<P>>);
    return createElement(Component, props);
  }
  return { Component: Page, preload };
}

/** True while some page's code is being fetched: the shell shows it, the old page stays until then. */
export function usePageCodeLoading(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => loading > 0,
  );
}
