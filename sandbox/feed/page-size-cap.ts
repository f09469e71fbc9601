/**
 * Undocumented page-size caps: some ServiceTitan lists refuse page sizes well below the maximum
 * their OpenAPI document implies (the Meltano tap reads several at 500). The sandbox imposes such a
 * cap on the lists named in `SandboxOptions.pageSizeCaps`, answering a larger `pageSize` with a 400
 * that names `pageSize` — stating the accepted maximum only when `statesMax` is set, since a real
 * undocumented cap need not say what it is.
 */
import { validationError, type Reply } from '../http/respond.js';

export interface PageSizeCap {
  /** Largest page size the list accepts. */
  max: number;
  /** The refusal says the maximum ("between 1 and N"); otherwise it only says the value is invalid. */
  statesMax?: boolean;
}

/** The 400 for a page size above the cap, or null when the size is accepted. */
export function pageSizeCapRefusal(cap: PageSizeCap | undefined, pageSize: number, sizeText: string): Reply | null {
  if (!cap || pageSize <= cap.max) return null;
  const message = cap.statesMax ? `The page size must be between 1 and ${cap.max}.` : `The value '${sizeText}' is not valid.`;
  return validationError('pageSize', message);
}
