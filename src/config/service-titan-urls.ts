/**
 * ServiceTitan's two environments and their base URLs. Client ids and secrets are issued per
 * environment, so a tenant's environment picks both its API host and its token endpoint.
 */
import type { ServiceTitanEnvironment } from './types.js';

export const ENVIRONMENTS: readonly ServiceTitanEnvironment[] = ['production', 'integration'];

export const SERVICE_TITAN_URLS: Record<ServiceTitanEnvironment, { apiUrl: string; authUrl: string }> = {
  production: { apiUrl: 'https://api.servicetitan.io', authUrl: 'https://auth.servicetitan.io/connect/token' },
  integration: { apiUrl: 'https://api-integration.servicetitan.io', authUrl: 'https://auth-integration.servicetitan.io/connect/token' },
};
