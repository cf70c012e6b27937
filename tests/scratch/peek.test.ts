import { it } from 'vitest';
import { generateDemoDataset } from '../../shared/demo/demoRound';
import { sheetTotal } from '../../shared/domain/scoresheetTotals';
import { summariseRound } from '../../renderer/db/queries';

it('peek', () => {
  const t0 = performance.now();
  const d = generateDemoDataset();
  const ms = performance.now() - t0;
  for (const r of [d.current, ...d.history]) {
    const count = <T,>(xs: T[], f: (x: T) => string) => xs.reduce<Record<string, number>>((m, x) => ((m[f(x)] = (m[f(x)] ?? 0) + 1), m), {});
    console.log(r.round.name, r.round.id, 'bases', r.bases.length, 'experts', r.experts.length, 'asg', r.assignments.length, 'sheets', r.scoresheets.length, 'decisions', r.decisions.length);
    console.log(count(r.bases, (b) => b.type), count(r.bases, (b) => b.city));
    console.log(r.panels.map((p) => `${p.name}: ${r.bases.filter((b) => b.panelId === p.id).length} bases, ${r.experts.filter((e) => e.panelId === p.id).map((e) => `${e.name}/${e.institution}/${e.title}/${e.field}`).join(', ')}`).join('\n'));
    console.log(JSON.stringify(summariseRound(r.round.id, r).sheets), 'asg recusals', r.assignments.filter((a) => a.recusal).length, 'sheet recusals', r.scoresheets.filter((s) => s.recusal).length);
    const totals = r.scoresheets.filter((s) => s.status === 'submitted').map((s) => sheetTotal(s, r.templates.find((t) => t.id === s.templateId)!));
    totals.sort((a, b) => a - b);
    console.log('totals min/med/max', totals[0], totals[Math.floor(totals.length / 2)], totals[totals.length - 1]);
    console.log(count(r.scoresheets.filter((s) => s.recommendation), (s) => s.recommendation!.disposition.code), count(r.decisions, (x) => x.disposition.code));
    console.log(r.bases.slice(0, 3), r.bases.filter(b=>b.type==='B5').slice(0,2).map(b=>b.name+b.hostInstitution), r.bases.filter(b=>b.type==='B4').slice(0,5).map(b=>b.name+'/'+b.hostInstitution+'/'+b.legacyType));
  }
  console.log('gen ms', ms, 'json bytes', JSON.stringify(d).length);
  console.log(JSON.stringify(d.current.scoresheets.find(s=>s.status==='submitted'), null, 1));
});
