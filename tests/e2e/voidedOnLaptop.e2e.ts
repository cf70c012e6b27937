// A panel laptop takes a re-issued round bundle that carries a round change (轮次变更): the
// secretariat replaced 陈静 after she had started her sheet of a base. The preview lists the
// change (kind, names, reason, who, when) and says one sheet here becomes voided; after the
// import her base list shows the sheet as 作废 with the reason, the sheet opens locked (no
// submit, read-only scores), and the chair's matrix marks the cell 作废.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBundle } from '../../shared/bundle/bundle';
import { secondaryIndicators } from '../../shared/domain/templates';
import type { RoundChange } from '../../shared/domain/types';
import { sampleInput, testSigner } from '../helpers/bundleBuilders';
import { SETTLED, screenshotPath, useMachine } from './helpers/browser';

const CHANGE_REASON = '专家因病无法继续评审';

async function bundles() {
  const sample = sampleInput('round', { signer: await testSigner() });
  if (sample.kind !== 'round') throw new Error('a round bundle input');
  const names = ['张伟', '刘洋', '陈静'];
  const experts = sample.payload.experts.map((e, i) => ({ ...e, name: names[i] ?? e.name }));
  const bases = sample.payload.bases.map((b, i) => ({
    ...b,
    name: i === 0 ? '辽宁省智能制造装备重点实验室' : b.name,
  }));
  const [, , replaced] = experts;
  const [base] = bases;
  if (!replaced || !base) throw new Error('sample without experts or bases');
  const first = { ...sample, payload: { ...sample.payload, experts, bases } };
  const newcomer = { ...replaced, id: 'expert-newcomer', name: '赵新' };
  const removed = first.payload.assignments.filter((a) => a.expertId === replaced.id);
  const added = removed.map((a) => ({ ...a, id: `${a.id}-new`, expertId: newcomer.id }));
  const change: RoundChange = {
    id: 'change-replace-1',
    roundId: first.payload.round.id,
    kind: 'replaceExpert',
    at: '2024-05-12T02:00:00.000Z',
    actor: '秘书处 王芳',
    reason: CHANGE_REASON,
    expertId: replaced.id,
    replacementExpertId: newcomer.id,
    voids: removed.map((a) => ({ expertId: a.expertId, baseId: a.baseId })),
  };
  const reissued = {
    ...first,
    createdAt: '2024-05-12T08:30:00.000Z',
    payload: {
      ...first.payload,
      experts: [...experts, newcomer],
      assignments: [
        ...first.payload.assignments.filter((a) => a.expertId !== replaced.id),
        ...added,
      ],
      changes: [change],
    },
  };
  const template = first.payload.templates.find(
    (t) => t.id === first.payload.round.templateByType[base.type],
  );
  const [indicator] = template ? secondaryIndicators(template) : [];
  if (!indicator) throw new Error('no indicator');
  return { first, reissued, replaced, base, indicator };
}

describe('a panel laptop takes a re-issued bundle with a round change', () => {
  const machine = useMachine();

  it('lists the change and shows the replaced expert’s started sheet voided and locked', async () => {
    const { page } = machine;
    const { first, reissued, replaced, base, indicator } = await bundles();
    const dir = mkdtempSync(join(tmpdir(), 'pinggu-voided-'));
    const open = async (name: string, bytes: Uint8Array) => {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      const choosing = page.waitForEvent('filechooser');
      await page.getByTestId('open-round-bundle').click();
      await (await choosing).setFiles(file);
      await page.getByTestId('bundle-preview').waitFor();
    };
    await page.goto(`${machine.url}#/scoring`);
    await open('round-first.pgb', await createBundle(first));
    expect(await page.getByTestId('bundle-changes').count()).toBe(0);
    await page.getByRole('button', { name: '导 入' }).click();
    await page.getByTestId('bundle-done').click();

    // 陈静 starts her sheet of the base: one score, saved.
    await page.getByTestId('expert-select').click();
    await page.keyboard.type(replaced.name);
    await page.keyboard.press('Enter');
    await page.getByTestId('pin-skip').click();
    await page.locator(`tr[data-row-key="${base.id}"]`).click();
    await page.getByTestId('scoresheet').waitFor();
    await page.getByTestId(`score-${indicator.id}`).fill('1');
    await page.getByTestId(`score-${indicator.id}`).press('Tab');
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
    await page.getByTestId('sheet-back').click();
    await page.getByTestId('my-bases').waitFor();

    // The re-issued bundle: its preview lists the change and what it voids here.
    await open('round-reissued.pgb', await createBundle(reissued));
    const changes = page.getByTestId('bundle-changes');
    const listed = await changes.innerText();
    expect(listed).toContain('秘书处的轮次变更（1 项）');
    expect(listed).toContain('替换专家');
    expect(listed).toContain('专家：陈静');
    expect(listed).toContain('接替专家：赵新');
    expect(listed).toContain(`原因：${CHANGE_REASON}`);
    expect(listed).toContain('秘书处 王芳');
    expect(await page.getByTestId('bundle-voided-here').innerText()).toContain(
      '本机 1 张评分表作废',
    );
    await changes.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('scoring-reissued-change') });
    await page.getByRole('button', { name: '导 入' }).click();
    await page.getByTestId('bundle-done').click();

    // Her list: the base is 作废 with the reason; the sheet opens locked.
    const row = page.locator(`tr[data-row-key="${base.id}"]`);
    await expect
      .poll(() => row.getByTestId('row-state').getAttribute('data-voided'), SETTLED)
      .toBe('true');
    expect(await row.innerText()).toContain(`原因：${CHANGE_REASON}`);
    expect(await page.getByTestId('expert-voided').innerText()).toBe('另有作废 1 张');
    await row.click();
    await page.getByTestId('scoresheet').waitFor();
    expect(await page.getByTestId('sheet-locked').innerText()).toContain(
      `此评分表已作废（替换专家）：${CHANGE_REASON}`,
    );
    expect(await page.getByTestId('sheet-state').innerText()).toBe('作废');
    expect(await page.getByTestId('sheet-submit').count()).toBe(0);
    expect(await page.getByTestId('sheet-recuse').count()).toBe(0);
    const score = page.getByTestId(`score-${indicator.id}`);
    expect(await score.inputValue()).toBe('1');
    expect(await score.getAttribute('readonly')).not.toBeNull();
    await page.screenshot({ path: screenshotPath('scoring-voided-sheet') });
    await page.getByTestId('sheet-back').click();

    // The chair's matrix marks the cell and counts it apart.
    await page.getByRole('button', { name: '专家组总览' }).click();
    await page.getByTestId('panel-matrix').waitFor();
    expect(await page.getByTestId('matrix-voided').count()).toBe(1);
    expect(await page.getByTestId('panel-voided').innerText()).toBe('作废 1 张');
    expect(machine.errors).toEqual([]);
  });
});
