// A vitest reporter for scripts/testSummary.mjs. Vitest's JSON report marks the tests of a
// suite whose beforeAll failed as merely "skipped", and says nothing of a failed afterAll;
// this reporter writes, to the file PINGGU_TEST_OUTCOMES names, each test's state with
// whether a setup hook above it failed, each file's load and hook errors, and the run's
// unhandled errors, so the summary can count them as failures.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';

const messages = (errors) => errors.map((error) => String(error?.message ?? error));

export default class VitestOutcomes {
  onTestRunEnd(testModules, unhandledErrors) {
    const target = process.env.PINGGU_TEST_OUTCOMES;
    if (!target) return;
    const files = testModules.map((module) => {
      const suites = [...module.children.allSuites()];
      const tests = [...module.children.allTests()].map((test) => {
        let isSetupFailed = module.errors().length > 0;
        for (let parent = test.parent; parent && parent.type === 'suite'; parent = parent.parent) {
          if (parent.errors().length > 0) isSetupFailed = true;
        }
        return {
          name: test.fullName,
          state: test.result().state,
          mode: test.options.mode,
          isSetupFailed,
        };
      });
      return {
        file: relative(process.cwd(), module.moduleId).split(sep).join('/'),
        errors: [...messages(module.errors()), ...suites.flatMap((s) => messages(s.errors()))],
        tests,
      };
    });
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(
      target,
      JSON.stringify({ files, unhandledErrors: messages(unhandledErrors ?? []) }, null, 1),
    );
  }
}
