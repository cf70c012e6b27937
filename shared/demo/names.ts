// Chinese personal names, panel names and the phrases demo experts write (comments,
// reasons for recommendations and declared recusals).
import type { Rng } from './random';

// Common surnames, most frequent first (weights fall off along the list).
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
  '彭',
  '曾',
  '肖',
  '田',
  '董',
  '袁',
  '潘',
  '于',
  '蒋',
  '蔡',
  '余',
  '杜',
  '叶',
  '程',
  '苏',
  '魏',
  '吕',
  '丁',
  '任',
  '沈',
  '姚',
  '卢',
  '姜',
  '崔',
  '钟',
  '谭',
  '陆',
  '范',
  '金',
  '石',
  '贾',
  '夏',
  '付',
  '方',
  '白',
  '邹',
  '孟',
  '秦',
  '尹',
  '薛',
  '闫',
  '段',
  '雷',
  '侯',
  '史',
  '陶',
  '贺',
  '顾',
  '毛',
  '郝',
  '邵',
  '万',
  '钱',
  '严',
  '武',
  '戴',
  '孔',
  '常',
  '佟',
  '关',
];

const GIVEN_CHARS = [
  '建',
  '国',
  '明',
  '华',
  '伟',
  '志',
  '强',
  '军',
  '平',
  '海',
  '东',
  '晓',
  '红',
  '丽',
  '颖',
  '静',
  '磊',
  '鹏',
  '宇',
  '飞',
  '波',
  '涛',
  '俊',
  '杰',
  '斌',
  '峰',
  '刚',
  '勇',
  '辉',
  '文',
  '立',
  '新',
  '春',
  '玉',
  '秀',
  '英',
  '敏',
  '燕',
  '霞',
  '婷',
  '雪',
  '琳',
  '岩',
  '松',
  '林',
  '凯',
  '超',
  '浩',
  '博',
  '振',
  '铁',
  '成',
  '德',
  '福',
  '宏',
  '庆',
  '洪',
  '彦',
  '晨',
  '旭',
  '阳',
  '光',
  '利',
  '永',
  '忠',
  '学',
  '家',
  '长',
  '金',
  '树',
  '宝',
  '春',
  '延',
  '秋',
  '冬',
];

/** A plausible Chinese name: a surname and one or two given-name characters. */
export function personName(rng: Rng): string {
  const surname = rng.weighted(SURNAMES, (s) => 1 / (1 + SURNAMES.indexOf(s) / 8));
  const given = rng.chance(0.75)
    ? rng.pick(GIVEN_CHARS) + rng.pick(GIVEN_CHARS)
    : rng.pick(GIVEN_CHARS);
  return surname + given;
}

/** Distinct names, as a roster of directors or a pool of experts needs. */
export function distinctNames(rng: Rng, count: number, taken: Set<string> = new Set()): string[] {
  const names: string[] = [];
  while (names.length < count) {
    const name = personName(rng);
    if (!taken.has(name)) {
      taken.add(name);
      names.push(name);
    }
  }
  return names;
}

export type Level = 'high' | 'mid' | 'low';

export function levelOf(fraction: number): Level {
  return fraction >= 0.85 ? 'high' : fraction >= 0.68 ? 'mid' : 'low';
}

const PRIMARY_COMMENTS: Readonly<Record<Level, readonly string[]>> = {
  high: [
    '{p}方面表现突出，成效显著。',
    '{p}成绩优异，在省内同类基地中处于前列。',
    '{p}扎实，特色鲜明。',
  ],
  mid: [
    '{p}基础较好，仍有提升空间。',
    '{p}总体达到要求，部分指标有待加强。',
    '{p}情况良好，建议进一步聚焦重点。',
  ],
  low: [
    '{p}较为薄弱，需重点加强。',
    '{p}与基地定位要求差距明显。',
    '{p}材料支撑不足，成效不够突出。',
  ],
};

export function primaryComment(rng: Rng, primaryName: string, fraction: number): string {
  return rng.pick(PRIMARY_COMMENTS[levelOf(fraction)]).replace('{p}', primaryName);
}

const OVERALL_COMMENTS: Readonly<Record<Level, readonly string[]>> = {
  high: [
    '基地定位清晰，运行规范，标志性成果突出，建议纳入并给予持续支持。',
    '整体水平高，对行业和区域发展支撑作用明显。',
  ],
  mid: [
    '基地运行基本正常，建议进一步凝练方向、加强开放共享。',
    '整体情况良好，成果转化和人才队伍仍需加强。',
  ],
  low: [
    '基地运行存在明显不足，需针对评估意见认真整改。',
    '近年产出有限，依托单位支持不足，建议调整。',
  ],
};

export function overallComment(rng: Rng, fraction: number): string {
  return rng.pick(OVERALL_COMMENTS[levelOf(fraction)]);
}

export const KEEP_ADJUST_REASONS: readonly string[] = [
  '建议结合产业需求重新凝练研究方向。',
  '研究方向与基地定位结合不够紧密，建议调整方向后保留。',
];

export const RECTIFY_REASONS: readonly string[] = [
  '研究方向分散，近三年标志性成果不足，建议限期整改。',
  '运行管理制度不健全，依托单位支持不到位，建议限期整改。',
  '开放共享程度低，仪器设备利用率不高，建议限期整改。',
];

export const REVOKE_REASONS: readonly string[] = [
  '长期无重大成果，运行老化僵化，建议撤销。',
  '核心团队流失严重，已不具备基本运行条件，建议撤销。',
];

export const DECLARED_RECUSAL_REASONS: readonly string[] = [
  '该基地负责人为本人指导毕业的博士研究生。',
  '本人担任该基地学术委员会委员。',
  '本人与该基地依托单位有在研合作项目。',
];

export function institutionRecusalReason(institution: string): string {
  return `专家所在单位（${institution}）为该基地依托单位`;
}
