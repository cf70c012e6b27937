// The names of the desktop channels, kept apart from the zod schemas so that the sandboxed
// preload can import them without bundling zod. contract.ts gives every name its schemas.

export const DESKTOP_CHANNELS = [
  'app:getInfo',
  'app:rendererReady',
  'app:readyToQuit',
  'file:openBundles',
  'file:openDocuments',
  'file:saveBundle',
  'file:saveReport',
  'file:saveBundlesToFolder',
  'file:reveal',
  'device:getIdentity',
  'device:signManifest',
  'backup:write',
  'backup:list',
  'backup:read',
  'print:toPdf',
] as const;

export type DesktopChannel = (typeof DESKTOP_CHANNELS)[number];

/** The part before the colon: 'file' in 'file:saveBundle'. */
export type DesktopDomain = DesktopChannel extends `${infer D}:${string}` ? D : never;

export const isDesktopChannel = (value: unknown): value is DesktopChannel =>
  typeof value === 'string' && DESKTOP_CHANNELS.some((channel) => channel === value);

/** Splits 'domain:verb'; the channel list is fixed, so a name without a colon is a bug. */
export const splitChannel = (channel: DesktopChannel): { domain: string; verb: string } => {
  const colon = channel.indexOf(':');
  return { domain: channel.slice(0, colon), verb: channel.slice(colon + 1) };
};
