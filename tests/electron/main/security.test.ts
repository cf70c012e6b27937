import { describe, expect, it } from 'vitest';
import {
  allowedExternalUrl,
  buildSecurityHeaders,
  createWindowOpenHandler,
  guardNavigation,
  isAllowedNavigation,
  isAllowedRequestUrl,
  isPermissionGranted,
  isTrustedSenderFrame,
  permissionCheckHandler,
  permissionRequestHandler,
} from '../../../electron/main/security';
import { CONTENT_SECURITY_POLICY } from '../../../shared/ipc/csp';

const navigationEvent = (url: string) => {
  let isPrevented = false;
  return {
    url,
    preventDefault: () => {
      isPrevented = true;
    },
    isPrevented: () => isPrevented,
  };
};

describe('navigation', () => {
  it('stays within app://pinggu', () => {
    expect(isAllowedNavigation('app://pinggu/index.html')).toBe(true);
    expect(isAllowedNavigation('app://pinggu/index.html#/rounds/1')).toBe(true);
  });

  it.each([
    'https://example.com',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://pinggu.evil.com/index.html',
    'app://user:pass@pinggu/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'not a url',
  ])('denies navigation to %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
    const event = navigationEvent(url);
    guardNavigation(event);
    expect(event.isPrevented()).toBe(true);
  });

  it('lets an in-app navigation proceed', () => {
    const event = navigationEvent('app://pinggu/index.html');
    guardNavigation(event);
    expect(event.isPrevented()).toBe(false);
  });
});

describe('window.open', () => {
  it('never opens a window, and sends only allow-listed https links to the system browser', () => {
    const opened: string[] = [];
    const handler = createWindowOpenHandler((url) => opened.push(url));
    expect(handler({ url: 'https://kjt.ln.gov.cn/kjt/index.shtml' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'https://example.com/phish' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'app://pinggu/index.html' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://kjt.ln.gov.cn/kjt/index.shtml']);
  });

  it.each([
    'http://kjt.ln.gov.cn/',
    'https://kjt.ln.gov.cn.evil.com/',
    'https://evil.com/?https://kjt.ln.gov.cn',
    'https://user@kjt.ln.gov.cn/',
    'https://kjt.ln.gov.cn:8443/',
    'file:///C:/Windows/System32/calc.exe',
    'smb://server/share',
  ])('does not hand %s to the system browser', (url) => {
    expect(allowedExternalUrl(url)).toBe(false);
  });
});

describe('permissions', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'hid',
    'fullscreen',
  ])('denies %s, even to the app', (permission) => {
    let granted: boolean | undefined;
    permissionRequestHandler(null, permission, (value) => (granted = value), {
      requestingUrl: 'app://pinggu/index.html',
    });
    expect(granted).toBe(false);
    expect(permissionCheckHandler(null, permission, 'app://pinggu')).toBe(false);
  });

  it('grants persistent storage to the app so its IndexedDB is never evicted', () => {
    expect(isPermissionGranted('persistent-storage', 'app://pinggu/index.html')).toBe(true);
    expect(permissionCheckHandler(null, 'persistent-storage', 'app://pinggu')).toBe(true);
  });

  it('denies persistent storage to any other origin', () => {
    expect(isPermissionGranted('persistent-storage', 'https://example.com/')).toBe(false);
    let granted: boolean | undefined;
    permissionRequestHandler(null, 'persistent-storage', (value) => (granted = value), {});
    expect(granted).toBe(false);
  });
});

describe('network requests', () => {
  it('lets the app load its own files, data: and blob: URLs', () => {
    expect(isAllowedRequestUrl('app://pinggu/assets/index-abc.js')).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequestUrl('blob:app://pinggu/1234')).toBe(true);
  });

  it.each([
    'https://example.com/track.gif',
    'http://10.0.0.1/',
    'file:///etc/hosts',
    'ws://127.0.0.1:1',
  ])('cancels a request to %s', (url) => expect(isAllowedRequestUrl(url)).toBe(false));
});

describe('IPC senders', () => {
  it('trusts only the app’s top-level frame', () => {
    expect(isTrustedSenderFrame({ url: 'app://pinggu/index.html', parent: null })).toBe(true);
  });

  it('refuses a frame from elsewhere, an app frame nested in another, or a frame that is gone', () => {
    expect(isTrustedSenderFrame({ url: 'https://example.com/', parent: null })).toBe(false);
    expect(isTrustedSenderFrame({ url: 'file:///tmp/x.html', parent: null })).toBe(false);
    expect(isTrustedSenderFrame({ url: 'app://pinggu/index.html', parent: {} })).toBe(false);
    expect(isTrustedSenderFrame(null)).toBe(false);
    expect(isTrustedSenderFrame(undefined)).toBe(false);
  });
});

describe('response headers', () => {
  it('carry the shared CSP, no sniffing and no framing', () => {
    const headers = buildSecurityHeaders();
    expect(headers['Content-Security-Policy']).toContain(CONTENT_SECURITY_POLICY);
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });
});
