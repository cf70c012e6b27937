// Backup file names and the retention rule, shared by Electron (files in <userData>/backups)
// and the browser (the Origin Private File System or IndexedDB). A name carries the time
// and the reason, so listing and pruning never have to open a file:
//
//   pinggu-backup-2026-11-26T12-00-00Z-auto.pgb      (a second one in the same second: -auto-2)
//
// Retention keeps the newest KEEP_NEWEST backups, plus the newest backup of each of the last
// KEEP_DAYS calendar days (local days: the offset is passed in). Names that are not backup
// names are never touched.

export const BACKUP_REASONS = ['auto', 'manual', 'import', 'restore', 'quit'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const KEEP_NEWEST = 20;
export const KEEP_DAYS = 30;

const PREFIX = 'pinggu-backup-';
const NAME_PATTERN =
  /^pinggu-backup-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})Z-(auto|manual|import|restore|quit)(?:-([2-9]|[1-9]\d{1,2}))?\.pgb$/;
const MAX_SEQUENCE = 999;

export type ParsedBackupName = {
  readonly name: string;
  /** ISO 8601 UTC, to the second: `2026-11-26T12:00:00Z`. */
  readonly createdAt: string;
  readonly epochMs: number;
  readonly reason: BackupReason;
  /** 1 for the first backup of that second and reason, then 2, 3… */
  readonly sequence: number;
};

const isReason = (value: string | undefined): value is BackupReason =>
  BACKUP_REASONS.some((reason) => reason === value);

export const parseBackupFileName = (name: string): ParsedBackupName | null => {
  const match = NAME_PATTERN.exec(name);
  if (match === null) return null;
  const [, year, month, day, hour, minute, second, reason, sequence] = match;
  if (!isReason(reason)) return null;
  const createdAt = `${year}-${month}-${day}T${hour}:${minute}:${second}Z`;
  const epochMs = Date.parse(createdAt);
  // Date.parse rolls 2026-02-30 over to March; a real date prints back the same.
  if (
    Number.isNaN(epochMs) ||
    new Date(epochMs).toISOString() !== createdAt.replace('Z', '.000Z')
  ) {
    return null;
  }
  return {
    name,
    createdAt,
    epochMs,
    reason,
    sequence: sequence === undefined ? 1 : Number(sequence),
  };
};

export const isBackupFileName = (name: string): boolean => parseBackupFileName(name) !== null;

/** The name for a backup made at `createdAt` (any ISO 8601 instant; milliseconds dropped). */
export const backupFileName = (createdAt: string, reason: BackupReason, sequence = 1): string => {
  const instant = new Date(createdAt);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not a time: ${createdAt}`);
  const stamp = instant.toISOString().slice(0, 19).replaceAll(':', '-');
  return `${PREFIX}${stamp}Z-${reason}${sequence > 1 ? `-${sequence}` : ''}.pgb`;
};

/** A name no existing backup has: the same second and reason get -2, -3… */
export const uniqueBackupFileName = (
  createdAt: string,
  reason: BackupReason,
  existing: ReadonlySet<string>,
): string => {
  for (let sequence = 1; sequence <= MAX_SEQUENCE; sequence += 1) {
    const name = backupFileName(createdAt, reason, sequence);
    if (!existing.has(name)) return name;
  }
  throw new RangeError('too many backups in one second');
};

/** Newest first; the same second is ordered by sequence, later first. */
export const compareNewestFirst = (a: ParsedBackupName, b: ParsedBackupName): number =>
  b.epochMs - a.epochMs || b.sequence - a.sequence || (a.name < b.name ? 1 : -1);

export type RetentionOptions = {
  /** Now, as an ISO 8601 instant. */
  readonly now: string;
  /** Minutes east of UTC for calendar days (480 in China); -new Date().getTimezoneOffset(). */
  readonly utcOffsetMinutes: number;
  readonly keepNewest?: number;
  readonly keepDays?: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;

const localDay = (epochMs: number, offsetMinutes: number): number =>
  Math.floor((epochMs + offsetMinutes * 60 * 1000) / DAY_MS);

/** The backup names to delete under the retention rule; unrecognised names are kept. */
export const backupsToRemove = (names: readonly string[], options: RetentionOptions): string[] => {
  const keepNewest = options.keepNewest ?? KEEP_NEWEST;
  const keepDays = options.keepDays ?? KEEP_DAYS;
  const parsed = names
    .map(parseBackupFileName)
    .filter((entry): entry is ParsedBackupName => entry !== null)
    .sort(compareNewestFirst);
  const keep = new Set(parsed.slice(0, keepNewest).map((entry) => entry.name));
  const today = localDay(Date.parse(options.now), options.utcOffsetMinutes);
  const daysKept = new Set<number>();
  for (const entry of parsed) {
    const day = localDay(entry.epochMs, options.utcOffsetMinutes);
    // Today and the keepDays - 1 days before it; future-dated files count as today.
    if (today - day >= keepDays || daysKept.has(Math.min(day, today))) continue;
    daysKept.add(Math.min(day, today));
    keep.add(entry.name);
  }
  return parsed.filter((entry) => !keep.has(entry.name)).map((entry) => entry.name);
};
