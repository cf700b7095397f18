import { Anchor, Container } from '@mantine/core';
import { Component, type ContextType, type ErrorInfo, type ReactNode } from 'react';
import { I18nContext } from '../i18n/i18n-context.ts';
import { ErrorPageContent } from './error-page-content.tsx';

interface State {
  error: unknown;
  hasError: boolean;
}

/**
 * Last-resort boundary around everything below the theme: catches what escapes the router's own
 * error elements (a provider, the layout). It links to `/` with a plain anchor because the router
 * itself may be what failed.
 */
export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  static override contextType = I18nContext;
  declare context: ContextType<typeof I18nContext>;
  override state: State = { error: undefined, hasError: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, hasError: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('[console] unhandled error', error, info.componentStack);
  }

  override render() {
    if (!this.state.hasError) return this.props.children;
    return (
      <Container size="md" py="xl">
        <ErrorPageContent error={this.state.error} backLink={<Anchor href="/clusters">{this.context.t('error.page.back')}</Anchor>} />
      </Container>
    );
  }
}
