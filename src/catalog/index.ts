// The endpoint catalog's public surface.
export type { EndpointDescriptor, EndpointKind, ExtractionPlan } from './types.js';
export { catalog, extractedEndpoints, findEndpoint } from './catalog.js';
export { endpointUrl, type EndpointUrlOptions } from './url.js';
export { resolveEndpoint, type ResolveOptions } from './resolve.js';
export { seedArguments, categoryPlaceholderOf, type SeedArguments } from './seed-arguments.js';
export { seedGroups, type SeedGroup } from './seed-names.js';
export { retiredSeedNames, type RetiredSeedName } from './retired-seed-names.js';
export { catalogListing, formatListing, type ListingFilter, type ListingRow } from './listing.js';
export { closestNames } from './suggest.js';
export { resolveGetTarget, type GetOptions, type GetTarget } from './get-target.js';
export { getEndpoint, type EndpointRequester } from './get-endpoint.js';
