import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../../electron/main/menu';
import type { MenuAction } from '../../../shared/ipc/shellEvents';

const build = (platform: NodeJS.Platform, isPackaged: boolean) => {
  const sent: MenuAction[] = [];
  const template = buildMenuTemplate({ platform, isPackaged, sendAction: (a) => sent.push(a) });
  return { template, sent };
};

const submenu = (item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] =>
  Array.isArray(item?.submenu) ? item.submenu : [];

const find = (template: MenuItemConstructorOptions[], label: string) =>
  template.find((item) => item.label === label);

const click = (item: MenuItemConstructorOptions | undefined) => {
  if (item?.click === undefined) throw new Error(`${item?.label ?? '?'} has no click`);
  // The template's click handlers ignore their arguments (the actions go to the renderer).
  Reflect.apply(item.click, undefined, []);
};

describe('the application menu', () => {
  it('has the Chinese top-level menus 文件 / 编辑 / 视图 / 窗口 / 帮助 on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      expect(build(platform, true).template.map((item) => item.label)).toEqual([
        '文件',
        '编辑',
        '视图',
        '窗口',
        '帮助',
      ]);
    }
  });

  it('puts the main actions under 文件 with their shortcuts, and sends them to the renderer', () => {
    const { template, sent } = build('win32', true);
    const file = submenu(find(template, '文件'));
    const item = (label: string) => file.find((entry) => entry.label === label);
    expect(item('打开数据包…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(item('打印…')?.accelerator).toBe('CmdOrCtrl+P');
    expect(item('退出')?.role).toBe('quit');
    click(item('打开数据包…'));
    click(item('备份与恢复'));
    click(item('打印…'));
    click(item('导出为 PDF…'));
    expect(sent).toEqual(['openBundles', 'backups', 'print', 'exportPdf']);
  });

  it('gives 编辑 the standard editing roles', () => {
    const roles = submenu(find(build('linux', true).template, '编辑')).map((item) => item.role);
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'])
      expect(roles).toContain(role);
  });

  it('offers reload and developer tools only in an unpackaged run', () => {
    const roles = (isPackaged: boolean) =>
      submenu(find(build('win32', isPackaged).template, '视图')).map((item) => item.role);
    expect(roles(true)).not.toContain('reload');
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(true)).toEqual(
      expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']),
    );
    expect(roles(false)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('opens 关于评估通 from 帮助', () => {
    const { template, sent } = build('linux', true);
    click(submenu(find(template, '帮助')).find((item) => item.label === '关于评估通'));
    expect(sent).toEqual(['about']);
  });

  it('adds the 评估通 application menu on macOS, where quitting lives', () => {
    const { template } = build('darwin', true);
    expect(template.map((item) => item.label)).toEqual([
      '评估通',
      '文件',
      '编辑',
      '视图',
      '窗口',
      '帮助',
    ]);
    expect(submenu(template[0]).some((item) => item.role === 'quit')).toBe(true);
    expect(submenu(find(template, '文件')).some((item) => item.role === 'quit')).toBe(false);
  });
});
