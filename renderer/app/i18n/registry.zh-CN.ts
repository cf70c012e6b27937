// Chinese strings of the department's registry area (省厅基地库). Each area of the registry
// keeps its strings under its own key below.
export const registryZhCN = {
  nav: '基地库',
  title: '省厅基地库',
  intro:
    '省科技厅掌握的全部基地：逐轮接收已结束评估的结果包，按决定动态调整（纳入、转、合并、撤销、限期整改，有进有出），计算后补助，并为下一轮下发名单包。',
};
