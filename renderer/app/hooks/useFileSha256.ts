// SHA-256 of a file's bytes as opened (WebCrypto's crypto.subtle, no database involved), for
// comparing an opened bundle with the hand-over sheet. Undefined while computing.
import { useEffect, useState } from 'react';
import { fileSha256 } from '../../../shared/bundle/fileHash';

export type FileSha256State =
  | { status: 'computing' }
  | { status: 'done'; sha256: string }
  | { status: 'failed'; message: string };

export function useFileSha256(bytes: Uint8Array | undefined): FileSha256State {
  const [state, setState] = useState<{ bytes: Uint8Array; result: FileSha256State } | null>(null);
  useEffect(() => {
    if (bytes === undefined) return;
    let isCurrent = true;
    fileSha256(globalThis.crypto, bytes).then(
      (sha256) => isCurrent && setState({ bytes, result: { status: 'done', sha256 } }),
      (error: unknown) =>
        isCurrent &&
        setState({
          bytes,
          result: {
            status: 'failed',
            message: error instanceof Error ? error.message : String(error),
          },
        }),
    );
    return () => {
      isCurrent = false;
    };
  }, [bytes]);
  // A result for other bytes (the previous file) is not this file's.
  return state !== null && state.bytes === bytes ? state.result : { status: 'computing' };
}
