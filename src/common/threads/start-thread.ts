import { ResourceLimits, Worker } from 'node:worker_threads';

/**
 * Starts a worker thread running a module of this app: the built `.js` file, or, where the app
 * runs from its TypeScript sources (the tests, under ts-jest), the `.ts` file, which the thread
 * then compiles module by module as it loads them, with the tsconfig.json nearest above the file
 * (a thread does not share jest's module system or transformer).
 */
export function startThread(file: string, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  if (!file.endsWith('.ts')) return new Worker(file, { workerData, resourceLimits });
  return new Worker(`const file = ${JSON.stringify(file)};\n${TYPESCRIPT_HOOK}\nrequire(file);`, { eval: true, workerData, resourceLimits });
}

const TYPESCRIPT_HOOK = `
const ts = require('typescript');
const { readFileSync } = require('node:fs');
const { dirname } = require('node:path');
const configFile = ts.findConfigFile(dirname(file), ts.sys.fileExists);
if (!configFile) throw new Error('No tsconfig.json above ' + file);
const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, dirname(configFile));
const compilerOptions = { ...options, sourceMap: false, inlineSourceMap: false, incremental: false, declaration: false };
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};`;
