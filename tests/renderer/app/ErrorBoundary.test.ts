import { describe, expect, it } from 'vitest';
import { ErrorBoundary } from '../../../renderer/app/ErrorBoundary';

// The boundary's state transitions (React calls these static methods); rendering is covered
// in the browser by tests/e2e/lazyScreens.e2e.ts.
describe('the error boundary around the screens', () => {
  const props = (resetKey: string) => ({ resetKey, fallback: () => null, children: null });

  it('shows the failure in place of the screen that threw', () => {
    const error = new TypeError('Failed to fetch dynamically imported module');
    expect(ErrorBoundary.getDerivedStateFromError(error)).toEqual({ failed: true, error });
  });

  it('keeps showing the failure while the user stays on the same route', () => {
    const state = { failed: true, error: new Error('x'), resetKey: '/dashboard' };
    expect(ErrorBoundary.getDerivedStateFromProps(props('/dashboard'), state)).toBeNull();
  });

  it('clears the failure when the user goes to another route', () => {
    const state = { failed: true, error: new Error('x'), resetKey: '/dashboard' };
    expect(ErrorBoundary.getDerivedStateFromProps(props('/'), state)).toEqual({
      failed: false,
      error: undefined,
      resetKey: '/',
    });
  });
});
