// Paths this session wrote through a save dialog. file:reveal only shows these, so a
// compromised page cannot use it to probe the file system.
import path from 'node:path';

export type SavedPaths = {
  remember(filePath: string): void;
  has(filePath: string): boolean;
};

export const createSavedPaths = (): SavedPaths => {
  const paths = new Set<string>();
  return {
    remember: (filePath) => {
      paths.add(path.resolve(filePath));
    },
    has: (filePath) => path.isAbsolute(filePath) && paths.has(path.resolve(filePath)),
  };
};
