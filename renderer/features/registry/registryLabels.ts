// Labels of the registry's codes in the UI language: a base's shown type (its legacy type
// while not integrated), its status with deadline or merge target, dispositions, and the
// values a change carries (types, legacy types or statuses, as registryChanges writes them).
import { useCallback, useMemo } from 'react';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { dispositionByCode } from '../../../shared/domain/dispositions';
import { BASE_TYPE_CODES, isBaseTypeCode, LEGACY_TYPES } from '../../../shared/domain/taxonomy';
import type { DispositionCode, LegacyTypeCode } from '../../../shared/domain/types';
import type {
  RegistryBase,
  RegistryHistoryEntry,
  RegistryStatus,
} from '../../../shared/registry/types';
import { useLabels } from '../../app/hooks/useLabels';

export const REGISTRY_STATUSES: readonly RegistryStatus[] = [
  'active',
  'rectifying',
  'revoked',
  'merged',
];

/** A table row's props with its test id (a variable, so data-* passes onRow's type). */
export function rowTestProps(testId: string, extra: HTMLAttributes<HTMLElement> = {}) {
  const props = { ...extra, 'data-testid': testId };
  const typed: HTMLAttributes<HTMLElement> = props;
  return typed;
}

export const isRegistryStatus = (value: string): value is RegistryStatus =>
  REGISTRY_STATUSES.some((status) => status === value);

export const STATUS_COLORS: Readonly<Record<RegistryStatus, string>> = {
  active: 'green',
  rectifying: 'orange',
  revoked: 'red',
  merged: 'default',
};

const LEGACY_CODES: ReadonlySet<string> = new Set(LEGACY_TYPES.map((t) => t.code));
const isLegacyTypeCode = (value: string): value is LegacyTypeCode => LEGACY_CODES.has(value);

export function useRegistryLabels() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { typeName, legacyTypeName, isEnglish } = labels;

  /** A type or legacy type code as text: "A1 省重点实验室", "重点实验室". */
  const anyTypeName = useCallback(
    (code: string): string => {
      if (isBaseTypeCode(code)) return `${code} ${typeName(code)}`;
      if (isLegacyTypeCode(code)) return legacyTypeName(code);
      return code;
    },
    [typeName, legacyTypeName],
  );

  /** The type a base is shown with: its legacy type while not integrated. */
  const shownType = useCallback(
    (base: Pick<RegistryBase, 'type' | 'legacyType'>): string =>
      base.legacyType === undefined
        ? `${base.type} ${typeName(base.type)}`
        : t('registry.bases.legacyNote', { name: legacyTypeName(base.legacyType) }),
    [t, typeName, legacyTypeName],
  );

  const statusName = useCallback(
    (status: RegistryStatus): string => t(`registry.bases.status.${status}`),
    [t],
  );

  /** The status with what it needs: 限期整改（至 2025-06-20）, 已并入 LN-… name. */
  const statusText = useCallback(
    (
      base: Pick<RegistryBase, 'status' | 'rectifyUntil' | 'mergedInto'>,
      nameOf: (code: string) => string | undefined,
    ): string => {
      if (base.status === 'rectifying' && base.rectifyUntil !== undefined) {
        return t('registry.bases.status.rectifyingUntil', { date: base.rectifyUntil });
      }
      if (base.status === 'merged' && base.mergedInto !== undefined) {
        return t('registry.bases.status.mergedInto', {
          code: base.mergedInto,
          name: nameOf(base.mergedInto) ?? '',
        }).trim();
      }
      return statusName(base.status);
    },
    [t, statusName],
  );

  const dispositionName = useCallback(
    (code: DispositionCode): string => {
      const info = dispositionByCode(code);
      return info ? (isEnglish ? info.nameEn : info.nameZh) : code;
    },
    [isEnglish],
  );

  /** A round's decision on a base under that round's rule: "纳入 → A1 省重点实验室". */
  const decisionText = useCallback(
    (entry: Pick<RegistryHistoryEntry, 'disposition' | 'targetType' | 'mergedInto'>): string => {
      if (entry.disposition === undefined) return t('registry.bases.history.noDecision');
      const name = dispositionName(entry.disposition);
      if (entry.targetType !== undefined) return `${name} → ${anyTypeName(entry.targetType)}`;
      if (entry.mergedInto !== undefined) return `${name} → ${entry.mergedInto}`;
      return name;
    },
    [t, dispositionName, anyTypeName],
  );

  const typeOptions = useMemo(
    () => BASE_TYPE_CODES.map((code) => ({ value: code, label: `${code} ${typeName(code)}` })),
    [typeName],
  );

  return {
    ...labels,
    anyTypeName,
    shownType,
    statusName,
    statusText,
    dispositionName,
    decisionText,
    typeOptions,
  };
}
