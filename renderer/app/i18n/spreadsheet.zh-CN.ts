// Chinese strings of reading spreadsheets (rosters, expert lists) in the background worker.
export const spreadsheetZhCN = {
  reading: '正在读取「{{file}}」…',
};
