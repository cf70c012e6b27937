// The benchmark registry: one module per measurement, each exporting an object
// { id, unit, target, goal: 'below' | 'above', describe, run({ quick }) → { value, detail } }.
// Add a measurement by writing scripts/bench/<name>.mjs and listing it here, e.g. keystroke
// latency on the scoresheet (browser, runPageBench), bundle import against the floor, or a
// merge of many scoresheets in Node (no browser at all).
import { keystrokeMeasurement } from './keystroke.mjs';
import { rankingMeasurement } from './ranking.mjs';

export const MEASUREMENTS = [rankingMeasurement, keystrokeMeasurement];
