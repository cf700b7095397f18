import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { loadCatalog } from '../i18n/i18n.ts';
import { I18nProvider } from '../i18n/i18n-provider.tsx';
import { AppErrorBoundary } from './app-error-boundary.tsx';
import { PageErrorBoundary } from './page-error-boundary.tsx';

function Throws({ error }: { error: unknown }): never {
  throw error;
}

const upstreamFailure = new ApiError({
  status: 504,
  code: 'BFF.UPSTREAM_TIMEOUT',
  message: 'The CCE endpoint did not answer within 30 s.',
  requestId: 'req-9d2e41',
});

describe('page error boundary', () => {
  it('shows the message and the request id of an ApiError, with a way back to the clusters that clears it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <MantineProvider>
        <I18nProvider language="en">
          <MemoryRouter initialEntries={['/broken']}>
            <PageErrorBoundary>
              <Routes>
                <Route path="broken" element={<Throws error={upstreamFailure} />} />
                <Route path="clusters" element={<h1>Cluster list</h1>} />
              </Routes>
            </PageErrorBoundary>
          </MemoryRouter>
        </I18nProvider>
      </MantineProvider>,
    );

    expect(await screen.findByRole('heading', { level: 1, name: 'Something went wrong' })).toBeInTheDocument();
    expect(screen.getByText('The CCE endpoint did not answer within 30 s.')).toBeInTheDocument();
    expect(screen.getByText('req-9d2e41')).toBeInTheDocument();
    expect(screen.getByText('BFF.UPSTREAM_TIMEOUT')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('link', { name: 'Back to the cluster list' }));
    expect(await screen.findByRole('heading', { name: 'Cluster list' })).toBeInTheDocument();
  });
});

describe('last-resort error boundary', () => {
  it('catches what escapes the router and still shows the request id, in the chosen language', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    // As main.tsx does before the first render.
    await loadCatalog('zh-CN');
    render(
      <MantineProvider>
        <I18nProvider language="zh-CN">
          <AppErrorBoundary>
            <Throws error={upstreamFailure} />
          </AppErrorBoundary>
        </I18nProvider>
      </MantineProvider>,
    );
    expect(screen.getByRole('heading', { level: 1, name: '出错了' })).toBeInTheDocument();
    expect(screen.getByText('req-9d2e41')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '返回集群列表' })).toHaveAttribute('href', '/clusters');
    expect(screen.getByRole('button', { name: '重新加载控制台' })).toBeInTheDocument();
  });

  it("shows a plain error's message when there is no request id to give", () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <MantineProvider>
        <AppErrorBoundary>
          <Throws error={new Error('Cannot read properties of undefined')} />
        </AppErrorBoundary>
      </MantineProvider>,
    );
    expect(screen.getByText('Cannot read properties of undefined')).toBeInTheDocument();
    expect(screen.queryByText('Request ID:')).not.toBeInTheDocument();
  });
});
