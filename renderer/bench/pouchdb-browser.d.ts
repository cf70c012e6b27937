// The slice of pouchdb-browser (a devDependency bundled into the bench page only) that the
// import comparison uses; the package ships no types.
declare module 'pouchdb-browser' {
  export type PouchBulkResult = {
    ok?: boolean;
    id?: string;
    rev?: string;
    error?: boolean | string;
    message?: string;
  };
  export type PouchDatabase = {
    bulkDocs(docs: object[]): Promise<PouchBulkResult[]>;
    info(): Promise<{ doc_count: number; adapter?: string }>;
    destroy(): Promise<unknown>;
    close(): Promise<void>;
  };
  const PouchDB: new (name: string) => PouchDatabase;
  // eslint-disable-next-line no-restricted-syntax -- the package's own shape: a default export
  export default PouchDB;
}
