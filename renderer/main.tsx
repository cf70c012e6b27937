// Renderer entry: set up i18n, then mount the app (or, with ?bench=…, the benchmarks).
import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { App } from './app/App';
import { initI18n } from './app/i18n';
import './app/global.css';
import { requestPersistentStorage } from './app/storage';

const container = document.getElementById('root');
const isBench = new URLSearchParams(window.location.search).has('bench');
if (container && isBench) {
  // `npm run bench` only (?bench=…): the benchmark module is loaded instead of the app.
  void import('./bench/benchEntry').then(({ startBench }) =>
    startBench(container, window.location.search),
  );
} else if (container) {
  void requestPersistentStorage();
  void initI18n().then(() => {
    createRoot(container).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}
