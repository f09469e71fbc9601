/**
 * Secret redaction. Two layers, so a secret is hidden even when nobody remembered to register it:
 * 1. secret values are replaced wherever they appear in text: the process-wide ones registered
 *    here, plus any `extra` values the caller passes (a client's SecretSet: its credentials and
 *    current access token, see secret-set.ts);
 * 2. shapes that are always secret are masked by pattern: `Bearer …` headers, JWT-looking strings,
 *    `password`/`secret`/`token`/`key` query parameters, secret-named JSON keys (except `${NAME}`
 *    placeholders, which name a variable rather than hold a value) and URL userinfo passwords.
 *
 * The process-wide set is for values that live as long as the process: what the configuration
 * loader and the database connection met (client ids and secrets, app keys, database passwords).
 * It is bounded by the configuration. Values that rotate (access tokens) never go here: they live
 * in their client's SecretSet, where a renewed token replaces the old one.
 */
export const MASK = '[redacted]';
const processSecrets = new Set<string>();

/** Values shorter than this are never treated as secrets (masking them would garble ordinary text). */
export const MIN_SECRET_LENGTH = 4;

/** Registers a process-lifetime value that must never be printed. Values shorter than 4 characters are ignored. */
export function registerSecret(value: string | undefined | null): void {
  if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH) processSecrets.add(value);
}

const patterns: Array<[RegExp, string]> = [
  [/\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${MASK}`],
  [/\beyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}(\.[A-Za-z0-9_-]*)?/g, MASK],
  [/([?&](?:client_secret|access_token|token|password|pass|secret|app_?key|st-app-key)=)[^&\s"']+/gi, `$1${MASK}`],
  [
    /("(?:client_?secret|clientSecret|access_token|appKey|app_key|password|pass|CLIENT_SECRET|APP_KEY|authorization|st-app-key)"\s*:\s*")(?!\$\{[A-Z0-9_]+\}")[^"]*(")/gi,
    `$1${MASK}$2`,
  ],
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^:/\s@]+:)[^@\s/]+(@)/gi, `$1${MASK}$2`],
];

function maskValues(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join(MASK);
  }
  return out;
}

/** Returns `text` with every registered secret, every `extra` value and every secret-shaped substring masked. */
export function redactText(text: string, extra: Iterable<string> = []): string {
  let out = maskValues(maskValues(text, extra), processSecrets);
  for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
  return out;
}

const secretKeyNames =
  /^(client_?secret|clientsecret|app_?key|appkey|access_?token|token|password|pass|authorization|st-app-key|secret|\w*api_?key)$/i;
const MAX_DEPTH = 8;

/** Deep copy of `value` with secret-named keys masked and every string redacted (with `extra` as in redactText). */
export function redactValue(value: unknown, extra: Iterable<string> = []): unknown {
  const values = [...extra];
  const walk = (item: unknown, depth: number): unknown => {
    if (depth > MAX_DEPTH) return '[…]';
    if (typeof item === 'string') return redactText(item, values);
    if (Array.isArray(item)) return item.map((inner) => walk(inner, depth + 1));
    if (item instanceof Error) return redactText(item.message, values);
    if (item && typeof item === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(item)) {
        out[key] = secretKeyNames.test(key) && inner != null ? MASK : walk(inner, depth + 1);
      }
      return out;
    }
    return item;
  };
  return walk(value, 0);
}
