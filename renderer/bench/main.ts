// Entry of the bench page (renderer/bench/index.html), a build of its own made by
// scripts/bench/build.mjs into .bench/page: the app's bundle never contains benchmark code
// or the libraries only benchmarks use (PouchDB). The page runs the benchmark named by
// `?bench=<name>` and publishes its report (renderer/bench/benchEntry.tsx).
import '../app/global.css';
import { startBench } from './benchEntry';

const container = document.getElementById('root');
if (container) void startBench(container, window.location.search);
