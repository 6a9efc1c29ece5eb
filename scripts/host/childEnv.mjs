// The environment for processes the host scripts start (npm installs, code-server, Chromium).
//
// Why: run as `npm test` or `npm start`, these scripts inherit the outer npm's variables
// (`npm_config_user_agent` naming Node 20, `npm_config_nodedir`, `npm_lifecycle_*`, `INIT_CWD`,
// `NODE`) and its PATH additions (this project's `node_modules/.bin`, npm's `node-gyp-bin`). An npm
// started inside that environment takes them as its own configuration: code-server's postinstall
// then reads a Node 20 user agent and refuses to install, and node-gyp builds against the wrong
// headers. A child gets the user's plain environment instead, as if started from a shell.

import { delimiter, sep } from 'node:path';

/** Variables npm sets for the scripts it runs (besides every `npm_*`). */
const NPM_SCRIPT_VARIABLES = new Set(['INIT_CWD', 'NODE', 'COLOR']);

/** True for a variable that only exists because an npm process is our ancestor. */
export function isNpmVariable(name) {
  return /^npm_/i.test(name) || NPM_SCRIPT_VARIABLES.has(name);
}

/** True for a PATH entry npm prepends to run a package script. */
export function isNpmPathEntry(entry) {
  const normalised = entry.split(sep).join('/');
  return normalised.endsWith('/node_modules/.bin')
    || normalised.includes('/@npmcli/run-script/lib/node-gyp-bin')
    || normalised.includes('/npm/node_modules/@npmcli/run-script/');
}

/**
 * A copy of `base` without npm's script variables and PATH entries, with `overrides` applied
 * last (an override of `undefined` removes the variable).
 * @param {NodeJS.ProcessEnv} [base]
 * @param {Record<string, string | undefined>} [overrides]
 * @returns {NodeJS.ProcessEnv}
 */
export function cleanChildEnv(base = process.env, overrides = {}) {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [name, value] of Object.entries(base)) {
    if (value === undefined || isNpmVariable(name)) continue;
    env[name] = value;
  }
  if (env.PATH !== undefined) {
    env.PATH = env.PATH.split(delimiter).filter((entry) => entry && !isNpmPathEntry(entry)).join(delimiter);
  }
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}
