// Rules for file names that the renderer proposes to the shell. A suggested name becomes
// the default entry of a save dialog, so it must never smuggle in a directory.

export const MAX_FILE_NAME_LENGTH = 255;

// Characters Windows refuses in names, plus both separators.
const FORBIDDEN_CHARACTERS = /[/\\:*?"<>|]/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what we reject
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const WINDOWS_DEVICE_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

/** True for a plain file name that is safe on Windows, macOS and Linux alike. */
export const isSafeFileName = (name: string): boolean =>
  name.length > 0 &&
  name.length <= MAX_FILE_NAME_LENGTH &&
  name.trim() === name &&
  name !== '.' &&
  name !== '..' &&
  !name.endsWith('.') &&
  !FORBIDDEN_CHARACTERS.test(name) &&
  !CONTROL_CHARACTERS.test(name) &&
  !WINDOWS_DEVICE_NAMES.test(name);

/** Appends `.ext` unless the name already ends with it (case-insensitive). */
export const withExtension = (name: string, extension: string): string =>
  name.toLowerCase().endsWith(`.${extension.toLowerCase()}`) ? name : `${name}.${extension}`;
