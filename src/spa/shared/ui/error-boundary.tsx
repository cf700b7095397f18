import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** What to show instead of the children once one of them has thrown. */
  fallback: (error: unknown) => ReactNode;
}

interface State {
  error: unknown;
  hasError: boolean;
}

/**
 * Catches a render error below it and shows `fallback` instead. Give it a `key` that changes when the
 * failed content should be tried again (the page boundary uses the address: leaving the page clears it).
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined, hasError: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, hasError: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('[console] unhandled error', error, info.componentStack);
  }

  override render() {
    return this.state.hasError ? this.props.fallback(this.state.error) : this.props.children;
  }
}
