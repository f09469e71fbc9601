// Preloaded with `node --import` (see ./trace.ts): registers ./hooks.mjs so that every module the
// process loads is appended, one URL a line, to the file named by ATLAS_MODULE_TRACE.
import { register } from 'node:module';

const file = process.env.ATLAS_MODULE_TRACE;
if (!file) throw new Error('module-trace: set ATLAS_MODULE_TRACE to the file the loaded module URLs go to');
register('./hooks.mjs', import.meta.url, { data: { file } });
