// Whether an error means a screen's code could not be loaded (a lazy chunk missing after an
// update, a file the disk or the server did not deliver), as opposed to a bug in the screen.
// The browsers word it differently; Vite's preload helper adds its own for stylesheets.
const CHUNK_LOAD_MESSAGES = [
  /failed to fetch dynamically imported module/i, // Chromium, Electron
  /error loading dynamically imported module/i, // Firefox
  /importing a module script failed/i, // Safari
  /failed to load module script/i, // Chromium, wrong MIME type or missing file
  /unable to preload css/i, // Vite's __vitePreload
];

export const isChunkLoadError = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false;
  return (
    error.name === 'ChunkLoadError' ||
    CHUNK_LOAD_MESSAGES.some((pattern) => pattern.test(error.message))
  );
};

/** The message of whatever was thrown, for the error screen's detail line. */
export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
