// Opening the department's registry bundle at the secretariat: what the wizard previews
// (bases per type, purpose, year), the round it proposes, and every refusal, in Chinese.
import { describe, expect, it } from 'vitest';
import { publicKeyFingerprint } from '../../../shared/bundle/bundleCrypto';
import { followUpRoundName, openRegistrySource } from '../../../shared/secretariat/registrySource';
import { fileSha256 } from '../../../shared/bundle/fileHash';
import { samplePayload, testCrypto } from '../../helpers/bundleBuilders';
import { keyOf, resultBundle } from '../../helpers/importBuilders';
import {
  historyLine,
  registryBase,
  registryBundle,
  registryContents,
} from '../../helpers/registryRoundBuilders';

const deps = { crypto: testCrypto };

const bases = [
  registryBase('LN-A1-0001', 'A1', { history: [historyLine(2021, 58), historyLine(2023, 74)] }),
  registryBase('LN-A1-0002', 'A1', { status: 'rectifying', rectifyUntil: '2025-06-30' }),
  registryBase('LN-B4-0001', 'B4', {
    legacyType: 'engineeringTechnologyCenter',
    history: [historyLine(2023, 81)],
  }),
  registryBase('LN-C2-0001', 'C2'),
];

describe('openRegistrySource', () => {
  it('previews the bases per type, the purpose and the year, and proposes a periodic round', async () => {
    const signer = await keyOf('department');
    const bytes = await registryBundle(registryContents(bases), signer);
    const result = await openRegistrySource(bytes, '2025年度名单.pgb', deps);
    if (!result.ok) throw new Error(result.message);
    const { source } = result;
    expect(source.summary).toEqual({
      total: 4,
      byType: [
        { type: 'A1', count: 2 },
        { type: 'B4', count: 1 },
        { type: 'C2', count: 1 },
      ],
      withHistory: 2,
      rectifying: 1,
      purpose: 'periodic',
      year: 2025,
      title: '2025年度定期评估基地名单',
    });
    expect(source.preset).toEqual({
      name: '2025年度省级科技创新基地定期评估',
      year: 2025,
      evaluationType: 'periodic',
    });
    expect(source.fingerprint).toBe(await publicKeyFingerprint(testCrypto, signer.publicKeyRaw));
    expect(source.sha256).toBe(await fileSha256(testCrypto, bytes));
    expect(source.registry.bases.map((b) => b.code)).toEqual(bases.map((b) => b.code));
  });

  it('proposes a periodic round named …复评 for a follow-up bundle', async () => {
    const contents = registryContents([bases[1] ?? registryBase('X', 'A1')], {
      year: 2026,
      title: '2026年度限期整改复评名单',
      selection: { purpose: 'followUp', rectifyDueBy: '2026-06-30' },
    });
    const bytes = await registryBundle(contents, await keyOf('department'));
    const result = await openRegistrySource(bytes, '复评名单.pgb', deps);
    if (!result.ok) throw new Error(result.message);
    expect(result.source.preset).toEqual({
      name: '2026年度省级科技创新基地复评',
      year: 2026,
      evaluationType: 'periodic',
    });
    expect(result.source.preset.name).toBe(followUpRoundName(2026));
    expect(result.source.summary.purpose).toBe('followUp');
  });

  it('refuses another kind of bundle, saying it is not a registry bundle', async () => {
    const payload = samplePayload('result');
    const bytes = await resultBundle(payload, {
      signer: await keyOf('secretariat'),
      deviceId: 'secretariat-pc',
      roundId: payload.round.id,
    });
    const result = await openRegistrySource(bytes, '结果.pgb', deps);
    expect(result).toMatchObject({ ok: false });
    if (result.ok) return;
    expect(result.message).toContain('文件“结果.pgb”');
    expect(result.message).toContain('这不是省厅名单包');
  });

  it('refuses a file changed after signing, naming the file', async () => {
    const bytes = await registryBundle(registryContents(bases), await keyOf('department'));
    const damaged = bytes.slice();
    // A byte inside the payload container near the end of the file.
    const at = damaged.length - 200;
    damaged[at] = (damaged[at] ?? 0) ^ 0xff;
    const result = await openRegistrySource(damaged, '名单.pgb', deps);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/^文件“名单\.pgb”：/);
  });

  it('refuses bytes that are not a bundle at all', async () => {
    const result = await openRegistrySource(new TextEncoder().encode('基地名单'), 'a.pgb', deps);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('不是评估通数据包');
  });

  it('refuses a registry that holds no base', async () => {
    const bytes = await registryBundle(registryContents([]), await keyOf('department'));
    const result = await openRegistrySource(bytes, '空名单.pgb', deps);
    expect(result).toMatchObject({ ok: false });
    if (result.ok) return;
    expect(result.message).toContain('名单包中没有任何基地');
  });

  it('refuses a registry that carries a revoked base, naming it', async () => {
    const revoked = registryBase('LN-A1-0009', 'A1', { status: 'revoked', name: '某撤销实验室' });
    const bytes = await registryBundle(
      registryContents([...bases, revoked]),
      await keyOf('department'),
    );
    const result = await openRegistrySource(bytes, '名单.pgb', deps);
    expect(result).toMatchObject({ ok: false });
    if (result.ok) return;
    expect(result.message).toContain('“某撤销实验室”（LN-A1-0009）已撤销');
  });
});
