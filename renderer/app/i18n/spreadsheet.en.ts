// English strings of reading spreadsheets in the background worker; typed against the Chinese catalogue.
import type { Catalogue } from './zh-CN';

export const spreadsheetEn: Catalogue['spreadsheet'] = {
  reading: 'Reading “{{file}}”…',
};
