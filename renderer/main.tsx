// Renderer entry: set up i18n, then mount the app. (The benchmarks are a page of their own,
// renderer/bench/index.html, built separately by `npm run bench`.)
import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { App } from './app/App';
import { initI18n } from './app/i18n';
import './app/global.css';
import { requestPersistentStorage } from './app/storage';

const container = document.getElementById('root');
if (container) {
  void requestPersistentStorage();
  void initI18n().then(() => {
    createRoot(container).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}
