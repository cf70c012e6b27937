import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  mimeTypeFor,
  resolveAppUrlToFile,
} from '../../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../shared/ipc/csp';
import { makeTempDir } from '../../helpers/desktop';

let sandbox: string;
let root: string;

beforeEach(async () => {
  // <sandbox>/secret.txt sits next to the renderer root and must stay unreachable.
  sandbox = await makeTempDir();
  root = path.join(sandbox, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>评估通</title>');
  await writeFile(path.join(root, 'assets', 'index-abc.js'), 'console.log(1);');
  await writeFile(path.join(root, 'assets', '中文 名.svg'), '<svg/>');
  await writeFile(path.join(sandbox, 'secret.txt'), 'secret');
});

describe('resolveAppUrlToFile', () => {
  it('maps the app root to index.html', () => {
    expect(resolveAppUrlToFile('app://pinggu/', root)?.filePath).toBe(
      path.join(root, 'index.html'),
    );
    expect(resolveAppUrlToFile('app://pinggu', root)?.filePath).toBe(path.join(root, 'index.html'));
  });

  it('maps asset URLs inside the root and ignores query and hash', () => {
    expect(resolveAppUrlToFile('app://pinggu/assets/index-abc.js?v=1#x', root)).toEqual({
      filePath: path.join(root, 'assets', 'index-abc.js'),
      mimeType: 'text/javascript; charset=utf-8',
    });
  });

  it('decodes percent-encoded names', () => {
    expect(
      resolveAppUrlToFile('app://pinggu/assets/%E4%B8%AD%E6%96%87%20%E5%90%8D.svg', root)?.filePath,
    ).toBe(path.join(root, 'assets', '中文 名.svg'));
  });

  it.each([
    'app://pinggu/../../etc/passwd',
    'app://pinggu/../secret.txt',
    'app://pinggu/assets/../../secret.txt',
    'app://pinggu/%2e%2e/secret.txt',
    'app://pinggu/%2E%2e/%2e%2E/etc/passwd',
    'app://pinggu/.%2e/secret.txt',
    'app://pinggu/./index.html',
    'app://pinggu/..%2fsecret.txt',
    'app://pinggu/..%5csecret.txt',
    'app://pinggu/assets\\..\\..\\secret.txt',
    'app://pinggu//etc/passwd',
    'app://pinggu/%2Fetc%2Fpasswd',
    'app://pinggu/C:%5CWindows%5Cwin.ini',
    'app://pinggu/C:/Windows/win.ini',
    'app://pinggu/index.html%00.js',
    'app://pinggu/%E0%A4%A',
    'app://pinggu/CON',
    'app://pinggu/assets/',
    'app://evil/index.html',
    'app://pinggu.evil/index.html',
    'app://pinggu:8080/index.html',
    'app://user@pinggu/index.html',
    'app:///etc/passwd',
    'file:///etc/passwd',
    'https://pinggu/index.html',
  ])('resolves %s to nothing', (url) => {
    expect(resolveAppUrlToFile(url, root)).toBeNull();
  });

  it('gives module scripts, styles and fonts the MIME types browsers insist on', () => {
    expect(mimeTypeFor('a.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});

describe('the app:// protocol handler', () => {
  it('serves index.html with the CSP header', async () => {
    const response = await createAppProtocolHandler(root)({
      url: 'app://pinggu/index.html',
      method: 'GET',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('评估通');
  });

  it('answers a traversal attempt with 404, the CSP header and nothing from outside', async () => {
    const response = await createAppProtocolHandler(root)({
      url: 'app://pinggu/%2e%2e/secret.txt',
      method: 'GET',
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toContain(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toContain('secret');
  });

  it('answers a missing file or a folder with 404', async () => {
    const handler = createAppProtocolHandler(root);
    expect((await handler({ url: 'app://pinggu/missing.js', method: 'GET' })).status).toBe(404);
    expect((await handler({ url: 'app://pinggu/assets', method: 'GET' })).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await createAppProtocolHandler(root)({
      url: 'app://pinggu/index.html',
      method: 'POST',
    });
    expect(response.status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const response = await createAppProtocolHandler(root)({
      url: 'app://pinggu/index.html',
      method: 'HEAD',
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('is registered as a standard, secure scheme that does not bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('allowServiceWorkers');
  });
});
