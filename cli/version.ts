// The version written into every bundle's manifest (appVersion): package.json's, inlined
// by the build like the renderer's APP_VERSION.
import { version } from '../package.json';

export const CLI_VERSION: string = version;
