// The fingerprint of this device's signing key, for the printed panel summary; null while
// loading or where the platform has no device key.
import { useEffect, useState } from 'react';
import { getDesktopApi } from '../../platform/desktopApi';

export function useDeviceFingerprint(): string | null {
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void getDesktopApi()
      .device.getIdentity()
      .then((result) => {
        if (isCurrent && result.ok) setFingerprint(result.value.fingerprint);
      })
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, []);
  return fingerprint;
}
