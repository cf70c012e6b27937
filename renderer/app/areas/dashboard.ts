// The chair's dashboard area, loaded on first visit (renderer/app/lazyPages.ts). Both pages
// share one chunk, so the dashboard's stylesheet (print.css, which ChartCard also relies on)
// arrives with either of them.
export { DashboardPage } from '../../features/dashboard/DashboardPage';
export { PrintDashboardPage } from '../../features/dashboard/PrintDashboardPage';
