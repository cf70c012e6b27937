// The app version for the browser build, read from package.json at build time (Vite inlines
// just this field). Electron reports app.getVersion(), which reads the same field.
import { version } from '../../package.json';

export const APP_VERSION: string = version;
