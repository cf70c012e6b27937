// A bundle file's SHA-256 as people compare it: the first 16 hex digits in groups of four,
// then the full value in small print. A record without a hash (issued before hashes were
// kept) shows "—" with a note saying why; nothing is ever made up in its place.
import { useTranslation } from 'react-i18next';
import { formatFileHash } from '../../../shared/bundle/fileHash';

const MONO = 'ui-monospace, SFMono-Regular, Consolas, "Liberation Mono", monospace';

export const FileHashText = ({
  sha256,
  testId,
  showNote = true,
}: {
  sha256: string | undefined;
  testId?: string;
  /** Whether "—" carries its note inline (a printed sheet explains it once, below the table). */
  showNote?: boolean;
}) => {
  const { t } = useTranslation();
  const text = formatFileHash(sha256);
  if (!text) {
    return (
      <span data-testid={testId} data-sha256="">
        <span>{t('fileHash.none')}</span>
        {showNote ? (
          <span style={{ display: 'block', fontSize: '0.8em', opacity: 0.75 }}>
            {t('fileHash.noneNote')}
          </span>
        ) : null}
      </span>
    );
  }
  return (
    <span data-testid={testId} data-sha256={text.full}>
      <span
        style={{ fontFamily: MONO, fontWeight: 600, whiteSpace: 'nowrap' }}
        data-testid={testId === undefined ? undefined : `${testId}-short`}
      >
        {text.short}
      </span>
      <span
        style={{
          display: 'block',
          fontFamily: MONO,
          fontSize: '0.72em',
          lineHeight: 1.3,
          wordBreak: 'break-all',
          opacity: 0.8,
        }}
        data-testid={testId === undefined ? undefined : `${testId}-full`}
      >
        {text.full}
      </span>
    </span>
  );
};
