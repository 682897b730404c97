// npm run build: bundles the report's chart script into dist/client/report.js.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { bundleClientScript, CLIENT_BUNDLE } from '../src/report/client-bundle.js';

mkdirSync(dirname(CLIENT_BUNDLE), { recursive: true });
writeFileSync(CLIENT_BUNDLE, bundleClientScript());
