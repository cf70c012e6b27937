// English strings about a bundle file's own SHA-256; typed against the Chinese catalogue.
import type { Catalogue } from './zh-CN';

export const fileHashEn: Catalogue['fileHash'] = {
  label: 'File fingerprint (SHA-256)',
  short: 'First 16 digits',
  full: 'Full value',
  none: '—',
  noneNote:
    'This bundle was issued before file fingerprints were recorded, so there is none to compare; issue it again if it must be checked.',
  handoverNote:
    'The file fingerprint is the SHA-256 of each bundle file itself and differs per file; when opening the bundle, the receiver checks that the fingerprint the software shows matches the panel’s row on this sheet.',
  openedCompare:
    'Compare with the file fingerprint in your panel’s row of the secretariat’s hand-over sheet; they must match exactly. If they differ, do not import and contact the secretariat.',
  computing: 'Computing…',
  failed: 'Could not compute the file fingerprint: {{message}}',
};
