import { act, render, renderHook, screen } from '@testing-library/react';
import { Suspense, type ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../shared/ui/error-boundary.tsx';
import { lazyPage, usePageCodeLoading } from './lazy-page.ts';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const Hello = ({ name }: { name: string }) => <h1>Hello {name}</h1>;

/** Renders inside an awaited act, so React retries a suspended render when its code arrives. */
async function renderSuspending(ui: ReactElement) {
  let result!: ReturnType<typeof render>;
  await act(async () => {
    result = render(ui);
  });
  return result;
}

describe('lazy pages', () => {
  it('renders at once, without a fallback, when its code was preloaded', async () => {
    const page = lazyPage(async () => Hello);
    await page.preload();
    render(
      <Suspense fallback={<p>Loading page</p>}>
        <page.Component name="operator" />
      </Suspense>,
    );
    // Synchronously in the first commit: no fallback, so no reveal delay.
    expect(screen.getByRole('heading', { name: 'Hello operator' })).toBeInTheDocument();
    expect(screen.queryByText('Loading page')).not.toBeInTheDocument();
  });

  it('fetches its code once, says code is loading meanwhile, and shows the page when it arrives', async () => {
    const code = deferred<typeof Hello>();
    let calls = 0;
    const page = lazyPage(() => (calls++, code.promise));
    const loading = renderHook(() => usePageCodeLoading());
    await renderSuspending(
      <Suspense fallback={<p>Loading page</p>}>
        <page.Component name="operator" />
      </Suspense>,
    );
    expect(screen.getByText('Loading page')).toBeInTheDocument();
    expect(loading.result.current).toBe(true);
    void page.preload();
    await act(async () => code.resolve(Hello));
    expect(await screen.findByRole('heading', { name: 'Hello operator' })).toBeInTheDocument();
    expect(loading.result.current).toBe(false);
    expect(calls).toBe(1);
  });

  it('shows a failed fetch to the error boundary once, without fetching again and again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let attempts = 0;
    const page = lazyPage<{ name: string }>(async () => {
      attempts += 1;
      throw new Error('Failed to fetch dynamically imported module');
    });
    const visit = () =>
      renderSuspending(
        <ErrorBoundary fallback={(error) => <p role="alert">{String(error)}</p>}>
          <Suspense fallback={null}>
            <page.Component name="again" />
          </Suspense>
        </ErrorBoundary>,
      );
    const first = await visit();
    expect(await screen.findByRole('alert')).toHaveTextContent('Failed to fetch dynamically imported module');
    first.unmount();
    await visit();
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(attempts).toBe(1);
  });
});
