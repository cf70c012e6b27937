// The department's registry area (基地库: bases, accepted rounds, 有进有出, 后补助, the next
// round's roster), loaded on first visit (renderer/app/lazyPages.ts).
export { RegistryPage } from '../../features/registry/RegistryPage';
export { PrintFlowsPage } from '../../features/registry/flows/PrintFlowsPage';
export { PrintFundingPage } from '../../features/registry/funding/PrintFundingPage';
