// The benchmark registry: one module per measurement, each exporting an object
// { id, unit, target, quickTarget?, goal, digits?, describe, run({ quick }) → { value, detail } }
// (quickTarget: the target of a --quick run, when it differs), where
// goal is 'atMost' (≤), 'below' (<), 'atLeast' (≥) or 'above' (>) and digits the decimals
// kept in results.json. Browser measurements run in Debian's Chromium (scripts/bench/
// browser.mjs): the app (.bench/renderer) or the bench page (.bench/page); the others in
// Node. The sizes of the round they use are in plan.mjs (full and --quick).
import { batchMeasurement } from './batch.mjs';
import { coldStartMeasurement } from './coldStart.mjs';
import {
  importFloorMeasurement,
  importPouchMeasurement,
  peakMemoryMeasurement,
} from './import.mjs';
import { keystrokeMeasurement } from './keystroke.mjs';
import { mergeMeasurement } from './merge.mjs';
import { rankingMeasurement } from './ranking.mjs';
import { registryAcceptMeasurement } from './registryAccept.mjs';
import { registryMeasurement } from './registry.mjs';
import { scalingMeasurement } from './scaling.mjs';
import { screensMeasurement } from './screens.mjs';
import { spreadsheetFuzzMeasurement } from './spreadsheetFuzz.mjs';
import { workbookMeasurement } from './workbook.mjs';

// Quick ones first, the long imports last: a run cut short keeps the most figures.
export const MEASUREMENTS = [
  rankingMeasurement,
  spreadsheetFuzzMeasurement,
  keystrokeMeasurement,
  coldStartMeasurement,
  mergeMeasurement,
  batchMeasurement,
  workbookMeasurement,
  screensMeasurement,
  registryAcceptMeasurement,
  registryMeasurement,
  importFloorMeasurement,
  importPouchMeasurement,
  peakMemoryMeasurement,
  scalingMeasurement,
];
