// Strings of the lazy-loaded screens' boundary (renderer/app/RouteBoundary.tsx).
export const routeLoadZhCN = {
  loading: '正在打开页面…',
  chunkFailedTitle: '页面文件未能加载',
  chunkFailedBody:
    '这个页面的程序文件没有加载成功，通常是因为评估通刚刚更新过。请点击“重新加载”；您的数据保存在本机，不会丢失。',
  crashedTitle: '页面出错了',
  crashedBody: '这个页面遇到意外错误，无法显示。请点击“重新加载”；您的数据保存在本机，不会丢失。',
  detail: '错误信息：{{message}}',
  reload: '重新加载',
  home: '返回首页',
};
