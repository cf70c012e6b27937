// Labels of domain codes in the current UI language (the taxonomy carries both names).
import { useTranslation } from 'react-i18next';
import { baseTypeByCode, categoryByCode, legacyTypeByCode } from '../../../shared/domain/taxonomy';
import { GRADE_LABELS } from '../../../shared/domain/grading';
import type {
  BaseTypeCode,
  CategoryCode,
  GradeCode,
  LegacyTypeCode,
} from '../../../shared/domain/types';

export const useLabels = () => {
  const { i18n } = useTranslation();
  const isEnglish = i18n.language === 'en';
  return {
    isEnglish,
    typeName: (code: BaseTypeCode) => {
      const info = baseTypeByCode(code);
      return isEnglish ? info.nameEn : info.nameZh;
    },
    categoryName: (code: CategoryCode) => {
      const info = categoryByCode(code);
      return info ? (isEnglish ? info.nameEn : info.nameZh) : code;
    },
    legacyTypeName: (code: LegacyTypeCode | undefined) => {
      const info = code ? legacyTypeByCode(code) : undefined;
      return info ? (isEnglish ? info.nameEn : info.nameZh) : '';
    },
    gradeName: (grade: GradeCode | null) =>
      grade === null ? '—' : isEnglish ? GRADE_LABELS[grade].en : GRADE_LABELS[grade].zh,
  };
};

export const GRADE_COLORS = {
  excellent: '#237804',
  good: '#1659c7',
  pass: '#d48806',
  fail: '#cf1322',
} as const;

export const formatScore = (value: number | null | undefined, digits = 2): string =>
  value === null || value === undefined ? '—' : value.toFixed(digits);
