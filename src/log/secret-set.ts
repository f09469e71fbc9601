/**
 * The secrets one owner (a ServiceTitan client) keeps out of its logs and errors: its credentials,
 * added once, and its current access token, held in a named slot.
 *
 * Contract: bounded. `add` is for values fixed for the owner's life; `replace` is for values that
 * rotate, and a new value replaces the slot's previous one instead of accumulating — a renewed
 * token is all that is kept of a run's tokens (the old one is no longer sent, and anything
 * JWT-shaped is masked by pattern anyway). Redaction through a set also applies the process-wide
 * secrets and patterns of redact.ts.
 */
import { MIN_SECRET_LENGTH, redactText, redactValue } from './redact.js';

export class SecretSet {
  private readonly fixed = new Set<string>();
  private readonly slots = new Map<string | symbol, string>();

  /** Adds a value fixed for the owner's life (client secret, app key). Values under 4 characters are ignored. */
  add(value: string | undefined | null): void {
    if (isSecret(value)) this.fixed.add(value);
  }

  /**
   * Sets the rotating value held under `slot`, dropping the one it held. Each owner of a rotating
   * value uses a slot of its own (a token provider uses a private symbol), so owners sharing a set
   * never replace each other's values.
   */
  replace(slot: string | symbol, value: string): void {
    if (isSecret(value)) this.slots.set(slot, value);
    else this.slots.delete(slot);
  }

  has(value: string): boolean {
    return this.fixed.has(value) || [...this.slots.values()].includes(value);
  }

  /** How many values the set holds: its fixed values plus one per slot. */
  get size(): number {
    return this.values().length;
  }

  redactText(text: string): string {
    return redactText(text, this.values());
  }

  redactValue(value: unknown): unknown {
    return redactValue(value, this.values());
  }

  private values(): string[] {
    return [...new Set([...this.fixed, ...this.slots.values()])];
  }
}

function isSecret(value: string | undefined | null): value is string {
  return typeof value === 'string' && value.length >= MIN_SECRET_LENGTH;
}
