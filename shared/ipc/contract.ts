// The DesktopApi contract: one map from channel name ('domain:verb') to the zod schema of
// its arguments (a tuple, validated in the main process before any handler runs) and the
// zod schema of its result value. Types for the preload, the main-process handlers and the
// browser implementation are all derived from this map, so they cannot drift apart.
import { z } from 'zod';
import { MAX_MANIFEST_BYTES } from '../bundle/format';
import { BACKUP_REASONS, isBackupFileName } from './backupFiles';
import type { DesktopChannel, DesktopDomain } from './channels';
import { MAX_SIGN_MESSAGE_BYTES } from './deviceSigning';
import type { DesktopEvents } from './shellEvents';
import { isSafeFileName, MAX_FILE_NAME_LENGTH } from './fileNames';
import { fail, GENERIC_MESSAGES, ok } from './result';
import type { DesktopResult } from './result';

export { DESKTOP_CHANNELS } from './channels';
export type { DesktopChannel, DesktopDomain } from './channels';
export { BACKUP_REASONS } from './backupFiles';
export type { BackupReason } from './backupFiles';

const MIB = 1024 * 1024;
/** One bundle or report. Electron's IPC copies the bytes once; keep a single call well under 1 GiB. */
export const MAX_FILE_BYTES = 512 * MIB;
/** All files returned by one file:openBundles call together. */
export const MAX_OPEN_TOTAL_BYTES = 512 * MIB;
/** Files returned by one file:openBundles call (a folder of expert bundles is dozens). */
export const MAX_OPEN_FILES = 1000;
export const MAX_PATH_LENGTH = 4096;

const fileNameSchema = z
  .string({ error: '文件名必须是文本。' })
  .min(1, '文件名不能为空。')
  .max(MAX_FILE_NAME_LENGTH, `文件名不能超过 ${MAX_FILE_NAME_LENGTH} 个字符。`)
  .refine(isSafeFileName, '文件名不能包含 / \\ : * ? " < > | 等字符，也不能以点或空格结尾。');

// Typed as any Uint8Array (not only ArrayBuffer-backed ones), so output of libraries such as
// fflate can be passed without a copy.
const fileBytesSchema = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, { error: '文件内容格式不正确。' })
  .refine(
    (bytes) => bytes.byteLength <= MAX_FILE_BYTES,
    `文件超过 ${MAX_FILE_BYTES / MIB} MB，无法保存。`,
  );

const filePathSchema = z
  .string({ error: '文件路径必须是文本。' })
  .min(1, '文件路径不能为空。')
  .max(MAX_PATH_LENGTH, '文件路径过长。')
  .refine((path) => !path.includes('\0'), '文件路径不正确。');

/** json: the secretariat's trust file (shared/bundle/trustFile.ts). */
export const REPORT_KINDS = ['xlsx', 'csv', 'pdf', 'json'] as const;
/** Spreadsheets the secretariat reads rosters and expert lists from. */
export const DOCUMENT_EXTENSIONS = ['xlsx', 'csv'] as const;
export type DocumentExtension = (typeof DOCUMENT_EXTENSIONS)[number];
/** What file:saveBundlesToFolder writes: bundles, or a panel's Excel scoresheets. */
export const FOLDER_EXTENSIONS = ['pgb', 'xlsx'] as const;
/** Bundles written by one file:saveBundlesToFolder call (one per panel). */
export const MAX_FOLDER_FILES = 200;
export type ReportKind = (typeof REPORT_KINDS)[number];

const savedSchema = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(false) }),
  // path is absent in a browser, where the download location is the browser's business.
  z.object({ saved: z.literal(true), path: z.string().optional() }),
]);

// The SIGNATURE_CONTEXT prefix is checked by the handler (a 'notAllowed' refusal, not an
// argument error); the contract bounds the size before any key is touched.
const signMessageSchema = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, { error: '签名内容格式不正确。' })
  .refine(
    (bytes) => bytes.byteLength <= MAX_SIGN_MESSAGE_BYTES,
    `数据包清单超过 ${MAX_MANIFEST_BYTES / 1024} KB，无法签名。`,
  );

const deviceIdentitySchema = z.object({
  /** The raw 32-byte Ed25519 public key, standard base64. */
  publicKey: z.string(),
  /** `3F2A-9C01-77BE-D410`, as bundleCrypto's publicKeyFingerprint writes it. */
  fingerprint: z.string(),
  /** ISO 8601: when this device's key was created. */
  createdAt: z.string(),
});

const openedFileSchema = z.object({ name: z.string(), bytes: z.instanceof(Uint8Array) });

const openResultSchema = z.discriminatedUnion('cancelled', [
  z.object({ cancelled: z.literal(true) }),
  z.object({ cancelled: z.literal(false), files: z.array(openedFileSchema) }),
]);

const folderFilesSchema = z
  .array(z.strictObject({ name: fileNameSchema, bytes: fileBytesSchema }), {
    error: '要保存的文件格式不正确。',
  })
  .min(1, '没有要保存的文件。')
  .max(MAX_FOLDER_FILES, `一次最多保存 ${MAX_FOLDER_FILES} 个文件。`)
  .refine(
    (files) => files.reduce((sum, file) => sum + file.bytes.byteLength, 0) <= MAX_FILE_BYTES,
    `文件合计超过 ${MAX_FILE_BYTES / MIB} MB，请分批保存。`,
  )
  .refine(
    (files) => new Set(files.map((file) => file.name.toLowerCase())).size === files.length,
    '要保存的文件名有重复。',
  );

const backupNameSchema = z
  .string({ error: '备份文件名必须是文本。' })
  .max(MAX_FILE_NAME_LENGTH)
  .refine(isBackupFileName, '不是评估通的备份文件名。');

const backupEntrySchema = z.object({
  name: z.string(),
  /** ISO 8601 UTC, from the file name. */
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  size: z.number(),
  /** The signer's fingerprint as the file states it; null when the file is unreadable. */
  fingerprint: z.string().nullable(),
});

const requestIdSchema = z.string().min(1).max(100);

const CONTRACT_DEFINITION = {
  'app:getInfo': {
    args: z.tuple([]),
    result: z.object({
      version: z.string(),
      platform: z.enum(['electron', 'browser']),
      /** Where the desktop app keeps its data; null in a browser. */
      dataFolder: z.string().nullable(),
      /** Electron: running from an installed package. Browser: a production build. */
      isPackaged: z.boolean(),
    }),
  },
  /** The renderer subscribed to its events: main may now send queued files and menu actions. */
  'app:rendererReady': {
    args: z.tuple([]),
    result: z.null(),
  },
  /** The answer to a 'shell:beforeQuit' event: the quit backup is written (or not needed). */
  'app:readyToQuit': {
    args: z.tuple([z.strictObject({ requestId: requestIdSchema })]),
    result: z.null(),
  },
  'file:openBundles': {
    args: z.tuple([
      z.strictObject({
        /** Allow several files (or folders) in one pick. */
        multi: z.boolean(),
        /** Pick folders and read every .pgb file inside them. */
        folders: z.boolean(),
      }),
    ]),
    result: openResultSchema,
  },
  /** Spreadsheets (roster, experts): the same answer as file:openBundles. */
  'file:openDocuments': {
    args: z.tuple([
      z.strictObject({
        multi: z.boolean(),
        extensions: z
          .array(z.enum(DOCUMENT_EXTENSIONS, { error: '只能打开 xlsx 或 csv 文件。' }))
          .min(1, '至少要允许一种文件类型。'),
      }),
    ]),
    result: openResultSchema,
  },
  'file:saveBundle': {
    args: z.tuple([z.strictObject({ suggestedName: fileNameSchema, bytes: fileBytesSchema })]),
    result: savedSchema,
  },
  'file:saveReport': {
    args: z.tuple([
      z.strictObject({
        suggestedName: fileNameSchema,
        kind: z.enum(REPORT_KINDS, { error: '报表类型只能是 xlsx、csv、pdf 或 json。' }),
        bytes: fileBytesSchema,
      }),
    ]),
    result: savedSchema,
  },
  /**
   * Writes several bundles into one folder the user picks (round bundles, one per panel).
   * A name already taken in the folder gets a " (2)" suffix: nothing there is overwritten.
   */
  'file:saveBundlesToFolder': {
    args: z.tuple([
      z.strictObject({
        files: folderFilesSchema,
        /** The files' extension: bundles (default) or Excel scoresheets (one per expert). */
        extension: z.enum(FOLDER_EXTENSIONS, { error: '只能保存 pgb 或 xlsx 文件。' }).optional(),
      }),
    ]),
    result: z.discriminatedUnion('saved', [
      z.object({ saved: z.literal(false) }),
      z.object({
        saved: z.literal(true),
        /** Absent in a browser, where each file is a download. */
        folder: z.string().optional(),
        /** The names written, in the order given (suffixed where a name was taken). */
        names: z.array(z.string()),
      }),
    ]),
  },
  'file:reveal': {
    args: z.tuple([z.strictObject({ path: filePathSchema })]),
    result: z.null(),
  },
  'device:getIdentity': {
    args: z.tuple([]),
    result: deviceIdentitySchema,
  },
  'device:signManifest': {
    args: z.tuple([z.strictObject({ message: signMessageSchema })]),
    result: z.object({ signature: z.instanceof(Uint8Array) }),
  },
  /** Writes one backup bundle into the backups folder and applies the retention rule. */
  'backup:write': {
    args: z.tuple([
      z.strictObject({
        bytes: fileBytesSchema,
        reason: z.enum(BACKUP_REASONS, { error: '备份原因不正确。' }),
      }),
    ]),
    result: backupEntrySchema,
  },
  'backup:list': {
    args: z.tuple([]),
    result: z.object({
      /** Where the backups are: a folder in Electron, null in a browser. */
      folder: z.string().nullable(),
      /** Newest first. */
      backups: z.array(backupEntrySchema),
    }),
  },
  'backup:read': {
    args: z.tuple([z.strictObject({ name: backupNameSchema })]),
    result: openedFileSchema,
  },
  /** Prints the window to an A4 PDF and asks where to save it. */
  'print:toPdf': {
    args: z.tuple([z.strictObject({ suggestedName: fileNameSchema })]),
    result: savedSchema,
  },
} as const satisfies Record<DesktopChannel, { args: z.ZodTuple; result: z.ZodType }>;

type Contract = typeof CONTRACT_DEFINITION;

/** The argument tuple of a channel, e.g. `[{ multi: boolean; folders: boolean }]`. */
export type DesktopArgs<C extends DesktopChannel> = z.output<Contract[C]['args']>;
/** The value a successful call resolves to. */
export type DesktopValue<C extends DesktopChannel> = z.output<Contract[C]['result']>;

export type AppInfo = DesktopValue<'app:getInfo'>;
export type OpenBundlesOptions = DesktopArgs<'file:openBundles'>[0];
export type OpenBundlesValue = DesktopValue<'file:openBundles'>;
export type OpenDocumentsOptions = DesktopArgs<'file:openDocuments'>[0];
export type SaveToFolderRequest = DesktopArgs<'file:saveBundlesToFolder'>[0];
export type SaveToFolderValue = DesktopValue<'file:saveBundlesToFolder'>;
export type OpenedFile = z.output<typeof openedFileSchema>;
export type SaveBundleRequest = DesktopArgs<'file:saveBundle'>[0];
export type SaveReportRequest = DesktopArgs<'file:saveReport'>[0];
export type SaveValue = DesktopValue<'file:saveBundle'>;
export type DeviceIdentity = DesktopValue<'device:getIdentity'>;
export type SignManifestRequest = DesktopArgs<'device:signManifest'>[0];
export type SignManifestValue = DesktopValue<'device:signManifest'>;
export type BackupEntry = DesktopValue<'backup:write'>;
export type BackupList = DesktopValue<'backup:list'>;

export type DesktopCall<C extends DesktopChannel> = (
  ...args: DesktopArgs<C>
) => Promise<DesktopResult<DesktopValue<C>>>;

/** What the main process (or the browser) implements: one function per channel. */
export type DesktopHandlers = { readonly [C in DesktopChannel]: DesktopCall<C> };

/**
 * What the renderer calls: `api.file.saveBundle({ suggestedName, bytes })`, and
 * `api.events.onMenuAction(listener)` for what main sends unasked.
 */
export type DesktopApi = {
  readonly [D in DesktopDomain]: {
    readonly [C in DesktopChannel as C extends `${D}:${infer Verb}` ? Verb : never]: DesktopCall<C>;
  };
} & { readonly events: DesktopEvents };

/**
 * The same map, typed per channel, so generic code (validateArgs, tests) can index it with a
 * channel type parameter and get that channel's schemas back.
 */
export const DESKTOP_CONTRACT: {
  readonly [C in DesktopChannel]: {
    readonly args: z.ZodType<DesktopArgs<C>>;
    readonly result: z.ZodType<DesktopValue<C>>;
  };
} = CONTRACT_DEFINITION;

/** Checks raw arguments (as received over IPC) against the channel's schema. */
export const validateArgs = <C extends DesktopChannel>(
  channel: C,
  rawArgs: unknown,
): DesktopResult<DesktopArgs<C>> => {
  // Messages written into the schemas are Chinese and specific; every other issue (wrong
  // type, unknown key…) gets the generic Chinese message instead of zod's English one.
  const parsed = DESKTOP_CONTRACT[channel].args.safeParse(rawArgs, {
    error: () => GENERIC_MESSAGES.invalidArguments,
  });
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues;
  const detail = issues
    .slice(0, 5)
    .map((issue) => `${channel} ${issue.path.join('.') || '(args)'}: ${issue.code}`)
    .join('; ');
  return fail('invalidArguments', issues[0]?.message ?? GENERIC_MESSAGES.invalidArguments, detail);
};
