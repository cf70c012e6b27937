// Dispositions as text in the UI language: "纳入 → 省重点实验室", "合并 → <base name>".
import { useCallback } from 'react';
import { dispositionByCode } from '../../../../shared/domain/dispositions';
import type { Disposition, DispositionCode } from '../../../../shared/domain/types';
import { useLabels } from '../../../app/hooks/useLabels';

export function useDispositionText() {
  const labels = useLabels();
  const { isEnglish, typeName } = labels;
  const codeName = useCallback(
    (code: DispositionCode): string => {
      const info = dispositionByCode(code);
      return info ? (isEnglish ? info.nameEn : info.nameZh) : code;
    },
    [isEnglish],
  );
  const text = useCallback(
    (disposition: Disposition, baseName: (id: string) => string | undefined): string => {
      const name = codeName(disposition.code);
      switch (disposition.code) {
        case 'include':
        case 'convert':
          return `${name} → ${typeName(disposition.targetType)}`;
        case 'merge':
          return `${name} → ${baseName(disposition.targetBaseId) ?? disposition.targetBaseId}`;
        default:
          return name;
      }
    },
    [codeName, typeName],
  );
  return { codeName, text };
}
