// The app's single database instance. Dexie opens it lazily on first use.
import { createDatabase } from './database';
import type { PingguDatabase } from './database';

export const db: PingguDatabase = createDatabase();
