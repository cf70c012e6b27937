// Catches what a part of the tree throws while rendering (a lazy chunk that cannot be
// loaded, a screen's bug) and shows `fallback` in its place instead of unmounting the whole
// app into a white page. A new `resetKey` (the route's path) clears the error.
import { Component, type ReactNode } from 'react';

type ErrorBoundaryProps = {
  resetKey: string;
  fallback: (error: unknown) => ReactNode;
  children: ReactNode;
};
type ErrorBoundaryState = { failed: boolean; error: unknown; resetKey: string };

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = {
    failed: false,
    error: undefined,
    resetKey: this.props.resetKey,
  };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { failed: true, error };
  }

  static getDerivedStateFromProps(
    props: ErrorBoundaryProps,
    state: ErrorBoundaryState,
  ): Partial<ErrorBoundaryState> | null {
    return props.resetKey === state.resetKey
      ? null
      : { failed: false, error: undefined, resetKey: props.resetKey };
  }

  override render() {
    return this.state.failed ? this.props.fallback(this.state.error) : this.props.children;
  }
}
