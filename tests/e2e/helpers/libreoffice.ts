// LibreOffice Calc, headless, standing in for Excel and WPS in the e2e tests: a person's typing
// into a workbook (a LibreOffice Basic macro that sets cells through the same API the keyboard
// ends in, then saves as .xlsx), and rendering a workbook to PDF. Each run gets a private
// profile under /tmp (-env:UserInstallation), so parallel runs and the machine's own profile
// never meet, and a time limit, so a hung soffice fails the test instead of stalling it.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SOFFICE = process.env.PINGGU_SOFFICE ?? '/usr/bin/soffice';

/** A cell typed by hand: a number, or text (是, a disposition, a comment). */
export type TypedCell = { sheet: string; cell: string; value: number | string };

const TIMEOUT_MS = 120_000;

function soffice(profile: string, args: readonly string[]): Promise<string> {
  if (!existsSync(SOFFICE)) {
    throw new Error(
      `LibreOffice is missing: no ${SOFFICE}. Install Debian's libreoffice-calc-nogui ` +
        '(apt-get install -y libreoffice-calc-nogui; .ci/run does) or set PINGGU_SOFFICE.',
    );
  }
  const all = [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    '--headless',
    '--invisible',
    '--norestore',
    '--nolockcheck',
    '--nodefault',
    ...args,
  ];
  return new Promise((resolve, reject) => {
    execFile(SOFFICE, all, { timeout: TIMEOUT_MS, killSignal: 'SIGKILL' }, (error, stdout, err) => {
      if (error) {
        const why = error.killed ? `no answer in ${TIMEOUT_MS / 1000} s` : error.message;
        reject(new Error(`soffice ${args.join(' ')} failed: ${why}\n${stdout}${err}`));
      } else {
        resolve(`${stdout}${err}`);
      }
    });
  });
}

/** A fresh private profile; the caller removes it. */
function newProfile(): string {
  return mkdtempSync(join(tmpdir(), 'pinggu-soffice-'));
}

const basicString = (text: string): string => `"${text.replace(/"/gu, '""')}"`;

/** The macro: open the workbook, type each cell, save as .xlsx (Excel 2007-365), close. */
function fillMacro(source: string, target: string, cells: readonly TypedCell[]): string {
  const typing = cells.map((c) => {
    const at = `oDoc.Sheets.getByName(${basicString(c.sheet)}).getCellRangeByName(${basicString(c.cell)})`;
    return typeof c.value === 'number'
      ? `  ${at}.setValue(${String(c.value)})`
      : `  ${at}.setString(${basicString(c.value)})`;
  });
  return [
    'Sub Fill',
    '  Dim aLoad(0) As New com.sun.star.beans.PropertyValue',
    '  aLoad(0).Name = "Hidden"',
    '  aLoad(0).Value = True',
    `  oDoc = StarDesktop.loadComponentFromURL(${basicString(source)}, "_blank", 0, aLoad())`,
    ...typing,
    '  oDoc.calculateAll()',
    '  Dim aSave(0) As New com.sun.star.beans.PropertyValue',
    '  aSave(0).Name = "FilterName"',
    '  aSave(0).Value = "Calc MS Excel 2007 XML"',
    `  oDoc.storeToURL(${basicString(target)}, aSave())`,
    '  oDoc.close(True)',
    'End Sub',
  ].join('\n');
}

const xmlEscape = (text: string): string =>
  text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/**
 * Opens `source` in LibreOffice Calc, types the cells, and saves the workbook as .xlsx at
 * `target`. Throws, naming the run, when soffice is missing, fails or writes nothing.
 */
export async function fillWithLibreOffice(
  source: string,
  target: string,
  cells: readonly TypedCell[],
): Promise<void> {
  const profile = newProfile();
  try {
    // The first start creates the profile; the macro then replaces its Standard library.
    await soffice(profile, ['--terminate_after_init']);
    const standard = join(profile, 'user', 'basic', 'Standard');
    mkdirSync(standard, { recursive: true });
    const code = fillMacro(pathToFileURL(source).href, pathToFileURL(target).href, cells);
    writeFileSync(
      join(standard, 'Module1.xba'),
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n' +
        '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">' +
        `${xmlEscape(code)}</script:module>\n`,
    );
    rmSync(target, { force: true });
    await soffice(profile, ['macro:///Standard.Module1.Fill']);
    if (!existsSync(target)) {
      throw new Error(`LibreOffice ran the macro but wrote no ${target}`);
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Converts a workbook to PDF in `outDir` (every sheet, as printed); returns the PDF's path. */
export async function workbookToPdf(source: string, outDir: string): Promise<string> {
  const profile = newProfile();
  try {
    mkdirSync(outDir, { recursive: true });
    await soffice(profile, ['--convert-to', 'pdf', '--outdir', outDir, source]);
    const pdf = join(outDir, basename(source).replace(/\.[^.]*$/u, '.pdf'));
    if (!existsSync(pdf)) throw new Error(`soffice wrote no ${pdf} (from ${dirname(source)})`);
    return pdf;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
