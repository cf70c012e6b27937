// The secretariat area (its tabs, the xlsx reader and writer, the report) with its printouts,
// loaded on first visit (renderer/app/lazyPages.ts).
export { SecretariatPage } from '../../features/secretariat/SecretariatPage';
export { PrintReportPage } from '../../features/secretariat/report/PrintReportPage';
export { PrintHandoverPage } from '../../features/secretariat/exchange/PrintHandoverPage';
export { PrintTrustPage } from '../../features/secretariat/exchange/PrintTrustPage';
