/** The repository's root folder, for tests that read its files (models, sandbox sources, scripts). */
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
