/**
 * Secret redaction. Two layers, so a secret is hidden even when nobody remembered to register it:
 * 1. every secret value Atlas loads (client secrets, app keys, tokens, database passwords) is
 *    registered here and replaced wherever it appears in text;
 * 2. shapes that are always secret are masked by pattern: `Bearer …` headers, JWT-looking strings,
 *    `password`/`secret`/`token`/`key` query parameters, secret-named JSON keys (except `${NAME}`
 *    placeholders, which name a variable rather than hold a value) and URL userinfo passwords.
 */
const MASK = '[redacted]';
const secrets = new Set<string>();

/** Registers a value that must never be printed. Values shorter than 4 characters are ignored. */
export function registerSecret(value: string | undefined | null): void {
  if (typeof value === 'string' && value.length >= 4) secrets.add(value);
}

const patterns: Array<[RegExp, string]> = [
  [/\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${MASK}`],
  [/\beyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}(\.[A-Za-z0-9_-]*)?/g, MASK],
  [/([?&](?:client_secret|access_token|token|password|pass|secret|app_?key|st-app-key)=)[^&\s"']+/gi, `$1${MASK}`],
  [/("(?:client_?secret|clientSecret|access_token|appKey|app_key|password|pass|CLIENT_SECRET|APP_KEY|authorization|st-app-key)"\s*:\s*")(?!\$\{[A-Z0-9_]+\}")[^"]*(")/gi, `$1${MASK}$2`],
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^:/\s@]+:)[^@\s/]+(@)/gi, `$1${MASK}$2`],
];

/** Returns `text` with every registered secret and every secret-shaped substring masked. */
export function redactText(text: string): string {
  let out = text;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join(MASK);
  }
  for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
  return out;
}

const secretKeyNames = /^(client_?secret|clientsecret|app_?key|appkey|access_?token|token|password|pass|authorization|st-app-key|secret|\w*api_?key)$/i;

/** Deep copy of `value` with secret-named keys masked and every string redacted. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[…]';
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  if (value instanceof Error) return redactText(value.message);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = secretKeyNames.test(key) && item != null ? MASK : redactValue(item, depth + 1);
    }
    return out;
  }
  return value;
}
