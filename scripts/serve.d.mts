export type StaticServer = { url: string; close: () => Promise<void> };
export declare const serveStatic: (rootDir: string, port?: number) => Promise<StaticServer>;
