// English strings of the department's registry area; typed against the Chinese catalogue.
import type { Catalogue } from './zh-CN';

export const registryEn: Catalogue['registry'] = {
  nav: 'Registry',
  title: 'Provincial registry of bases',
  intro:
    "Every base the department knows: each closed round's result bundle is accepted and its decisions applied (include, convert, merge, revoke, rectify), post-subsidies are computed, and the next round's roster goes out as a bundle.",
};
