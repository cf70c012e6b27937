// electron-builder.yml cannot be exercised here (packaging downloads Electron), so its
// security-relevant settings are checked as text, and build/icon.png as a real PNG.
import { readFileSync } from 'node:fs';
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const config = readFileSync('electron-builder.yml', 'utf8');

/** The indented block under a top-level key, e.g. `electronFuses:`. */
const section = (key: string): string => {
  const match = new RegExp(`^${key}:\\n((?:[ ]+.*\\n|\\n)*)`, 'm').exec(config);
  if (match === null) throw new Error(`electron-builder.yml has no ${key} section`);
  return match[1] ?? '';
};

const setting = (block: string, key: string): string | undefined =>
  new RegExp(`^\\s*${key}:\\s*(.+?)\\s*$`, 'm').exec(block)?.[1];

describe('electron-builder.yml', () => {
  it('identifies the app', () => {
    expect(setting(config, 'appId')).toBe('cn.gov.ln.pinggu');
    expect(setting(config, 'productName')).toBe('评估通');
  });

  it('packs only the built renderer and shell, inside an asar archive', () => {
    expect(
      section('files')
        .trim()
        .split('\n')
        .map((line) => line.trim()),
    ).toEqual(['- dist/renderer/**', '- dist-electron/**']);
    expect(setting(config, 'asar')).toBe('true');
    expect(setting(section('directories'), 'buildResources')).toBe('build');
    expect(setting(section('directories'), 'output')).toBe('release');
  });

  it('burns the fuses that stop the binary from being used as Node or loading foreign code', () => {
    const fuses = section('electronFuses');
    expect(setting(fuses, 'runAsNode')).toBe('false');
    expect(setting(fuses, 'enableCookieEncryption')).toBe('true');
    expect(setting(fuses, 'enableNodeOptionsEnvironmentVariable')).toBe('false');
    expect(setting(fuses, 'enableNodeCliInspectArguments')).toBe('false');
    expect(setting(fuses, 'onlyLoadAppFromAsar')).toBe('true');
    expect(setting(fuses, 'enableEmbeddedAsarIntegrityValidation')).toBe('true');
    expect(setting(fuses, 'grantFileProtocolExtraPrivileges')).toBe('false');
  });

  it('associates .pgb bundles with the app (opened files reach the running window)', () => {
    const associations = section('fileAssociations');
    expect(setting(associations, '- ext')).toBe('pgb');
    expect(setting(associations, 'name')).toBe('Pinggu.Bundle');
    expect(setting(associations, 'description')).toBe('评估通数据包');
    expect(setting(associations, 'mimeType')).toBe('application/x-pinggu-bundle');
    expect(setting(associations, 'role')).toBe('Editor');
  });

  it('installs per user on Windows without asking for elevation', () => {
    const nsis = section('nsis');
    expect(setting(nsis, 'oneClick')).toBe('false');
    expect(setting(nsis, 'perMachine')).toBe('false');
    expect(setting(nsis, 'allowElevation')).toBe('false');
    expect(section('win')).toMatch(/target: nsis\n\s+arch: \[x64\]/);
    expect(section('win')).toMatch(/target: portable\n\s+arch: \[x64\]/);
  });

  it('gives the Windows installer and portable build different file names', () => {
    const installer = setting(section('nsis'), 'artifactName');
    const portable = setting(section('portable'), 'artifactName');
    expect(installer).toBeDefined();
    expect(portable).toBeDefined();
    expect(installer).not.toBe(portable);
  });

  it('builds AppImage and deb for x64 and arm64 with the deb control fields', () => {
    const linux = section('linux');
    expect(linux).toMatch(/target: AppImage\n\s+arch: \[x64, arm64\]/);
    expect(linux).toMatch(/target: deb\n\s+arch: \[x64, arm64\]/);
    expect(setting(linux, 'category')).toBe('Office;Education');
    expect(setting(linux, 'maintainer')).toMatch(/<.+@.+>/);
    expect(setting(linux, 'synopsis')).toBeDefined();
    expect(setting(linux, 'description')).toBeDefined();
  });

  it('builds a dmg on macOS', () => {
    expect(setting(section('mac'), 'target')).toBe('dmg');
  });

  it('names the executable in ASCII and builds for the current platform with `npm run dist`', () => {
    expect(setting(config, 'executableName')).toBe('pinggu');
    expect(setting(section('deb'), 'packageCategory')).toBeDefined();
    expect(setting(section('deb'), 'priority')).toBe('optional');
    const scripts: unknown = JSON.parse(readFileSync('package.json', 'utf8')).scripts;
    expect(scripts).toMatchObject({ dist: 'npm run build && electron-builder' });
  });
});

describe('build/icon.png', () => {
  const png = readFileSync('build/icon.png');

  const chunks = (() => {
    const found: { type: string; data: Buffer }[] = [];
    let offset = 8;
    while (offset < png.length) {
      const length = png.readUInt32BE(offset);
      const type = png.toString('ascii', offset + 4, offset + 8);
      const data = png.subarray(offset + 8, offset + 8 + length);
      const crc = png.readUInt32BE(offset + 8 + length);
      if (crc32(png.subarray(offset + 4, offset + 8 + length)) !== crc)
        throw new Error(`bad CRC in ${type}`);
      found.push({ type, data });
      offset += 12 + length;
    }
    return found;
  })();

  it('is a valid 512×512 RGBA PNG with intact chunks', () => {
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const header = chunks[0];
    expect(header?.type).toBe('IHDR');
    expect(header?.data.readUInt32BE(0)).toBe(512);
    expect(header?.data.readUInt32BE(4)).toBe(512);
    expect(header?.data[9]).toBe(6);
    expect(chunks.at(-1)?.type).toBe('IEND');
  });

  it('decompresses to exactly one filtered row per pixel row', () => {
    const idat = Buffer.concat(
      chunks.filter((chunk) => chunk.type === 'IDAT').map((chunk) => chunk.data),
    );
    expect(inflateSync(idat).length).toBe(512 * (512 * 4 + 1));
  });
});
