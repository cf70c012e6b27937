import { describe, expect, it } from 'vitest';
import { openBundle } from '../../../../shared/bundle/bundle';
import { sheetTotal } from '../../../../shared/domain/scoresheetTotals';
import { benchTemplate, largeRound } from '../../../../scripts/bench/round/largeRound';
import { derivedSigner, panelBundles } from '../../../../scripts/bench/round/roundBundles';

describe('the benchmark round', () => {
  it('has 10 bases and 7 experts per panel, every base scored by all 7 on 20 indicators', () => {
    const round = largeRound(3);
    expect(round.panels).toHaveLength(3);
    expect(round.bases).toHaveLength(30);
    expect(round.experts).toHaveLength(21);
    expect(round.assignments).toHaveLength(210);
    expect(round.scoresheets).toHaveLength(210);
    expect(round.scoresheets.every((s) => Object.keys(s.scores).length === 20)).toBe(true);
    expect(new Set(round.scoresheets.map((s) => s.id)).size).toBe(210);
    expect(round.scoresheets.every((s) => s.status === 'submitted')).toBe(true);
  });

  it('scores every sheet within its template, on a 100-point scale', () => {
    const round = largeRound(2);
    const templates = new Map(round.templates.map((t) => [t.id, t]));
    for (const sheet of round.scoresheets) {
      const template = templates.get(sheet.templateId);
      if (template === undefined) throw new Error(`no template ${sheet.templateId}`);
      const total = sheetTotal(sheet, template);
      expect(total).toBeGreaterThan(0);
      expect(total).toBeLessThanOrEqual(100);
    }
  });

  it('is the same round for the same size, and another round for another size', () => {
    expect(largeRound(2)).toEqual(largeRound(2));
    expect(largeRound(2).round.id).not.toBe(largeRound(3).round.id);
  });

  it('refuses sizes it cannot build', () => {
    expect(() => largeRound(0)).toThrow(RangeError);
    expect(() => largeRound(1.5)).toThrow(RangeError);
  });

  it('uses a valid template of 20 secondary indicators per base type', () => {
    const template = benchTemplate('B4');
    expect(template.baseType).toBe('B4');
    expect(template.primaries.flatMap((p) => p.children)).toHaveLength(20);
  });
});

describe('the benchmark bundles', () => {
  it('open like any bundle, and are byte-identical when written again', async () => {
    const round = largeRound(2);
    const secretariat = await derivedSigner('test/secretariat');
    const first = await panelBundles(round, 1, secretariat);
    const again = await panelBundles(round, 1, await derivedSigner('test/secretariat'));
    expect(again.scores).toEqual(first.scores);
    expect(again.round).toEqual(first.round);

    const scores = await openBundle(first.scores, { crypto: globalThis.crypto });
    expect(scores.ok && scores.kind).toBe('scores');
    if (scores.ok && scores.kind === 'scores') {
      expect(scores.manifest.panelId).toBe('panel-002');
      expect(scores.payload.scoresheets).toHaveLength(70);
    }
    const roster = await openBundle(first.round, { crypto: globalThis.crypto });
    expect(roster.ok && roster.kind === 'round' && roster.payload.bases).toHaveLength(10);
    expect(first).toMatchObject({ sheets: 70, scoreCount: 1400 });
  });

  it('signs each panel with its own key and the round with the secretariat’s', async () => {
    const round = largeRound(2);
    const secretariat = await derivedSigner('test/secretariat');
    const [a, b] = await Promise.all([0, 1].map((i) => panelBundles(round, i, secretariat)));
    const signer = async (bytes: Uint8Array | undefined) => {
      const opened = await openBundle(bytes ?? new Uint8Array(), { crypto: globalThis.crypto });
      return opened.ok ? opened.signer.fingerprint : opened.error.code;
    };
    expect(await signer(a?.round)).toBe(await signer(b?.round));
    expect(await signer(a?.scores)).not.toBe(await signer(b?.scores));
  });
});
