/**
 * Titanpy's `id` and `category` arguments, mapped onto an endpoint's placeholders:
 * - `category` fills the category placeholder (`{report_category}`, `{booking_provider}`: the only
 *   "category" arguments Titanpy knew, the ones its leading-`/` names stand for);
 * - `id` fills the last other placeholder (`customers/{id}/notes`, `reports/{reportId}`), or, when
 *   the path has none but the endpoint filters by `ids`, becomes `?ids=` (Titanpy's `//` names).
 * An argument the endpoint cannot use is an ENDPOINT_ARGUMENT error, not silently dropped.
 */
import { AtlasError } from '../errors.js';
import type { EndpointDescriptor } from './types.js';

export const CATEGORY_PLACEHOLDERS: readonly string[] = ['report_category', 'booking_provider'];

export interface SeedArguments {
  id?: string | number;
  category?: string;
}

export function categoryPlaceholderOf(descriptor: Pick<EndpointDescriptor, 'pathParams'>): string | undefined {
  return descriptor.pathParams.find((p) => CATEGORY_PLACEHOLDERS.includes(p));
}

/** Path parameters (for endpointUrl) and extra query parameters for Titanpy-style arguments. */
export function seedArguments(
  descriptor: Pick<EndpointDescriptor, 'name' | 'pathParams' | 'queryParams'>,
  args: SeedArguments,
): { params: Record<string, string>; query: Record<string, string> } {
  const params: Record<string, string> = {};
  const query: Record<string, string> = {};
  const category = categoryPlaceholderOf(descriptor);
  if (args.category !== undefined) {
    if (!category) throw new AtlasError('ENDPOINT_ARGUMENT', `${descriptor.name} takes no category${placeholderList(descriptor)}`);
    params[category] = String(args.category);
  }
  if (args.id !== undefined) {
    const idPlaceholder = [...descriptor.pathParams].reverse().find((p) => p !== category);
    if (idPlaceholder) params[idPlaceholder] = String(args.id);
    else if (descriptor.queryParams.includes('ids')) query.ids = String(args.id);
    else throw new AtlasError('ENDPOINT_ARGUMENT', `${descriptor.name} takes no id${placeholderList(descriptor)}`);
  }
  return { params, query };
}

function placeholderList(descriptor: Pick<EndpointDescriptor, 'pathParams'>): string {
  return descriptor.pathParams.length === 0
    ? ' (its path has no placeholders)'
    : ` (its placeholders: ${descriptor.pathParams.join(', ')})`;
}
