// Creates the in-host suite's mocha instance and installs its BDD globals (describe, it, before…).
// index.ts imports this module FIRST, so every test module imported after it registers its tests
// into this instance while it loads (the suite is one esbuild bundle: imports run in order).
import Mocha from 'mocha';

export const mocha = new Mocha({
  ui: 'bdd',
  reporter: 'spec',
  color: false,
  timeout: 120_000,
  forbidOnly: true,
  forbidPending: true,
});

mocha.suite.emit('pre-require', globalThis, 'dist/test/integration/index.js', mocha);
