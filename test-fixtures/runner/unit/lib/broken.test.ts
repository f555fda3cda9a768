// Deliberately broken: a test file that fails while loading must fail the run (see scripts/test-runner.test.ts).
throw new Error("this test file fails to load on purpose");
