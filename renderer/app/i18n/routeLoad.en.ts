// English strings of the lazy-loaded screens' boundary; typed against the Chinese catalogue.
import type { Catalogue } from './zh-CN';

export const routeLoadEn: Catalogue['routeLoad'] = {
  loading: 'Opening the page…',
  chunkFailedTitle: 'The page could not be loaded',
  chunkFailedBody:
    "This page's program file did not load, usually because 评估通 has just been updated. Click “Reload”; your data stays on this computer and is not lost.",
  crashedTitle: 'Something went wrong on this page',
  crashedBody:
    'This page hit an unexpected error and cannot be shown. Click “Reload”; your data stays on this computer and is not lost.',
  detail: 'Error: {{message}}',
  reload: 'Reload',
  home: 'Back to home',
};
