// The application menu in Chinese, as a plain template (Menu.buildFromTemplate in main.ts).
// Actions the renderer carries out (open a bundle, backups, print, about) are sent to it as
// 'shell:menuAction' events; editing, zoom and window items use Electron's roles.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from '../../shared/ipc/shellEvents';

export type MenuSettings = {
  readonly platform: NodeJS.Platform;
  /** Reload and developer tools exist only in an unpackaged (developer) run. */
  readonly isPackaged: boolean;
  readonly sendAction: (action: MenuAction) => void;
};

export const APP_MENU_NAME = '评估通';

export const buildMenuTemplate = (settings: MenuSettings): MenuItemConstructorOptions[] => {
  const { platform, isPackaged, sendAction } = settings;
  const isMac = platform === 'darwin';
  const action = (
    label: string,
    menuAction: MenuAction,
    accelerator?: string,
  ): MenuItemConstructorOptions => ({
    label,
    ...(accelerator === undefined ? {} : { accelerator }),
    click: () => sendAction(menuAction),
  });

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: APP_MENU_NAME,
          submenu: [
            action('关于评估通', 'about'),
            { type: 'separator' },
            { role: 'hide', label: '隐藏评估通' },
            { role: 'hideOthers', label: '隐藏其他' },
            { role: 'unhide', label: '全部显示' },
            { type: 'separator' },
            { role: 'quit', label: '退出评估通' },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: '文件',
    submenu: [
      action('打开数据包…', 'openBundles', 'CmdOrCtrl+O'),
      action('备份与恢复', 'backups'),
      { type: 'separator' },
      action('打印…', 'print', 'CmdOrCtrl+P'),
      action('导出为 PDF…', 'exportPdf', 'CmdOrCtrl+Shift+P'),
      ...(isMac
        ? []
        : ([
            { type: 'separator' },
            { role: 'quit', label: '退出', accelerator: 'Ctrl+Q' },
          ] satisfies MenuItemConstructorOptions[])),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '编辑',
    submenu: [
      { role: 'undo', label: '撤销' },
      { role: 'redo', label: '重做' },
      { type: 'separator' },
      { role: 'cut', label: '剪切' },
      { role: 'copy', label: '复制' },
      { role: 'paste', label: '粘贴' },
      { role: 'delete', label: '删除' },
      { type: 'separator' },
      { role: 'selectAll', label: '全选' },
    ],
  };

  const developer: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [
        { role: 'reload', label: '重新加载' },
        { role: 'forceReload', label: '强制重新加载' },
        { role: 'toggleDevTools', label: '开发者工具' },
        { type: 'separator' },
      ];

  const view: MenuItemConstructorOptions = {
    label: '视图',
    submenu: [
      ...developer,
      { role: 'resetZoom', label: '实际大小' },
      { role: 'zoomIn', label: '放大' },
      { role: 'zoomOut', label: '缩小' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: '全屏' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: '窗口',
    submenu: [
      { role: 'minimize', label: '最小化' },
      ...(isMac
        ? ([
            { role: 'zoom', label: '缩放' },
            { type: 'separator' },
            { role: 'front', label: '前置全部窗口' },
          ] satisfies MenuItemConstructorOptions[])
        : ([{ role: 'close', label: '关闭窗口' }] satisfies MenuItemConstructorOptions[])),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: '帮助',
    ...(isMac ? { role: 'help' } : {}),
    submenu: [action('关于评估通', 'about')],
  };

  return [...appMenu, file, edit, view, windowMenu, help];
};
