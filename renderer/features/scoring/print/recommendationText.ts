// A recommendation as one line of text in the UI language: "纳入（A1 省重点实验室）",
// "合并（并入：某某中心）", "—" when there is none.
import { dispositionByCode } from '../../../../shared/domain/dispositions';
import type { Base, DispositionDecision } from '../../../../shared/domain/types';
import { useLabels } from '../../../app/hooks/useLabels';

export function useRecommendationText(
  roundBases: readonly Base[],
): (decision: DispositionDecision | undefined) => string {
  const labels = useLabels();
  return (decision) => {
    if (!decision) return '—';
    const d = decision.disposition;
    const info = dispositionByCode(d.code);
    const name = info ? (labels.isEnglish ? info.nameEn : info.nameZh) : d.code;
    if (d.code === 'include' || d.code === 'convert') {
      return `${name}（${d.targetType} ${labels.typeName(d.targetType)}）`;
    }
    if (d.code === 'merge') {
      const target = roundBases.find((b) => b.id === d.targetBaseId);
      return `${name}（${target?.name ?? d.targetBaseId}）`;
    }
    return name;
  };
}
