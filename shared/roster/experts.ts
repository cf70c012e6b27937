// Reads an expert roster (专家名单) as secretariats keep it — a grid of cells from an Excel
// sheet or a CSV, maybe with a title row above the header — and validates every row:
// name and institution required, phone digits, no person twice, and, when the sheet has a
// 评审组/组别 column, a panel of the round with that name. Each problem names the row and
// column in Chinese, as readRoster does, so the sheet can be fixed before anything is saved.
import {
  EXPERT_FIELD_LABELS,
  expertKey,
  normalisePhone,
  validateExpertFields,
} from '../domain/panels';
import type { ExpertField } from '../domain/panels';
import { compactText } from '../domain/taxonomy';
import type { Expert, Panel } from '../domain/types';
import type { RosterProblem } from './roster';
import { columnsByAliases, findHeaderRowBy, HEADER_SEARCH_ROWS } from './rosterHeader';
import type { ColumnAliases } from './rosterHeader';

export type ExpertRosterField = ExpertField | 'panel';

/** Canonical Chinese header of each column. */
export const EXPERT_ROSTER_COLUMNS: Readonly<Record<ExpertRosterField, string>> = {
  ...EXPERT_FIELD_LABELS,
  panel: '评审组',
};

/** Header spellings accepted for each column (compared after compactText). */
const COLUMN_ALIASES: ColumnAliases<ExpertRosterField> = {
  name: ['姓名', '专家姓名', '名字'],
  institution: ['工作单位', '单位', '所在单位', '单位名称'],
  title: ['职称', '职务职称', '技术职称'],
  field: ['专业领域', '领域', '专业', '研究领域', '研究方向'],
  phone: ['联系电话', '电话', '手机', '手机号', '手机号码', '联系方式'],
  panel: ['评审组', '组别', '专家组', '分组'],
};

export type ExpertRosterRow = {
  /** 1-based spreadsheet row the values came from. */
  row: number;
  name: string;
  institution: string;
  title: string;
  field: string;
  phone?: string;
  /** The panel the expert goes into: from the 评审组 cell, or the default panel. */
  panelId: string;
};

export type ExpertRosterResult = {
  /** Rows without any problem, ready to become experts. */
  experts: ExpertRosterRow[];
  problems: RosterProblem[];
  /** 1-based row of the header, when one was found. */
  headerRow?: number;
};

export type ExpertRosterOptions = {
  /** The round's panels, to place experts by the 评审组 cell. */
  panels: readonly Pick<Panel, 'id' | 'name'>[];
  /** Where experts go when the sheet has no 评审组 column or the cell is blank. */
  defaultPanelId?: string;
  /** Experts already in the round: the same person (name + institution) is refused. */
  existingExperts?: readonly Pick<Expert, 'name' | 'institution'>[];
};

const mapColumns = (cells: readonly string[]): Partial<Record<ExpertRosterField, number>> =>
  columnsByAliases(cells, COLUMN_ALIASES);

/** 0-based header row: the first of the top rows naming both 姓名 and 工作单位 (or 单位). */
export function findExpertHeaderRow(grid: readonly (readonly string[])[]): number | undefined {
  return findHeaderRowBy(grid, COLUMN_ALIASES, ['name', 'institution']);
}

const isEmptyRow = (cells: readonly string[]): boolean => cells.every((c) => compactText(c) === '');

/** Reads and validates an expert roster grid (rows of cell text, top row first). */
export function readExpertRoster(
  rows: readonly (readonly string[])[],
  options: ExpertRosterOptions,
): ExpertRosterResult {
  const headerIndex = findExpertHeaderRow(rows);
  const { name: nameHeader, institution: institutionHeader } = EXPERT_ROSTER_COLUMNS;
  if (headerIndex === undefined) {
    return {
      experts: [],
      problems: [
        {
          row: 1,
          column: `${nameHeader}、${institutionHeader}`,
          message: `前 ${HEADER_SEARCH_ROWS} 行中未找到同时含有「${nameHeader}」和「${institutionHeader}」的表头行`,
        },
      ],
    };
  }
  const headerRow = headerIndex + 1;
  const columns = mapColumns(rows[headerIndex] ?? []);
  const panelByName = new Map(options.panels.map((p) => [compactText(p.name), p.id]));
  const defaultPanel =
    options.defaultPanelId !== undefined &&
    options.panels.some((p) => p.id === options.defaultPanelId)
      ? options.defaultPanelId
      : undefined;
  const existing = new Set((options.existingExperts ?? []).map(expertKey));
  const firstRowByKey = new Map<string, number>();
  const experts: ExpertRosterRow[] = [];
  const problems: RosterProblem[] = [];

  for (let i = headerIndex + 1; i < rows.length; i += 1) {
    const cells = rows[i] ?? [];
    if (isEmptyRow(cells)) continue;
    const row = i + 1;
    const rowProblems: RosterProblem[] = [];
    const cell = (f: ExpertRosterField): string => {
      const index = columns[f];
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const fields = {
      name: cell('name'),
      institution: cell('institution'),
      title: cell('title'),
      field: cell('field'),
      phone: cell('phone'),
    };
    for (const problem of validateExpertFields(fields)) {
      rowProblems.push({
        row,
        column: EXPERT_ROSTER_COLUMNS[problem.field],
        message: problem.message,
      });
    }

    const panelText = cell('panel');
    let panelId: string | undefined;
    if (compactText(panelText) !== '') {
      panelId = panelByName.get(compactText(panelText));
      if (panelId === undefined) {
        const known = options.panels.map((p) => p.name).join('、');
        rowProblems.push({
          row,
          column: EXPERT_ROSTER_COLUMNS.panel,
          message:
            known === ''
              ? `本轮次还没有评审组「${panelText}」，请先新建评审组`
              : `本轮次没有名为「${panelText}」的评审组（现有：${known}）`,
        });
      }
    } else if (defaultPanel !== undefined) {
      panelId = defaultPanel;
    } else {
      rowProblems.push({
        row,
        column: EXPERT_ROSTER_COLUMNS.panel,
        message: '未指定评审组：请在表中填写评审组，或在导入时选择默认评审组',
      });
    }

    if (compactText(fields.name) !== '' && compactText(fields.institution) !== '') {
      const key = expertKey(fields);
      const first = firstRowByKey.get(key);
      if (existing.has(key)) {
        rowProblems.push({
          row,
          column: nameHeader,
          message: `${fields.name}（${fields.institution}）已在本轮次的专家中`,
        });
      } else if (first !== undefined) {
        rowProblems.push({
          row,
          column: nameHeader,
          message: `与第 ${first} 行重复（姓名和工作单位相同）`,
        });
      } else {
        firstRowByKey.set(key, row);
      }
    }

    problems.push(...rowProblems);
    if (rowProblems.length === 0 && panelId !== undefined) {
      const expert: ExpertRosterRow = {
        row,
        name: fields.name,
        institution: fields.institution,
        title: fields.title,
        field: fields.field,
        panelId,
      };
      const phone = normalisePhone(fields.phone);
      if (typeof phone === 'string') expert.phone = phone;
      experts.push(expert);
    }
  }
  return { experts, problems, headerRow };
}
