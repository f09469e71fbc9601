/**
 * Locates a JSON syntax error by line and column and describes it in our own words.
 *
 * Why not JSON.parse's message: V8 quotes the surrounding source text ("Unexpected token 'x',
 * "{"clientSecret": …" is not valid JSON"), which would put secrets from a credentials file into
 * an error message. This small validating scanner runs only after JSON.parse has failed.
 */
export interface JsonSyntaxError {
  line: number;
  column: number;
  problem: string;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

export function locateJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (problem: string, at = i): never => {
    throw new Stop(at, at >= text.length ? 'unexpected end of file' : problem);
  };
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail('expected a value (a "string", number, true, false, null, {object} or [array])');
  };
  const string = (): void => {
    const start = i;
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail('string is not closed with a double quote', start);
      const c = text.charCodeAt(i);
      if (c === 0x22) return void i++;
      if (c < 0x20) fail('line break or control character inside a string (escape it, e.g. \\n)');
      if (c === 0x5c) {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape: expected four hex digits');
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else fail('bad escape in a string: a backslash must be written as \\\\');
      } else i++;
    }
  };
  const number = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail('malformed number');
    i += match![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 512) fail('nested too deeply');
    ws();
    const c = text[i];
    if (c === '{') object(depth);
    else if (c === '[') array(depth);
    else if (c === '"') string();
    else if (c === '-' || (c >= '0' && c <= '9')) number();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === "'") fail('strings and keys need double quotes, not single quotes');
    else fail('expected a value (a "string", number, true, false, null, {object} or [array])');
  };
  const object = (depth: number): void => {
    i++;
    ws();
    if (text[i] === '}') return void i++;
    for (;;) {
      ws();
      if (text[i] === '}') fail('trailing comma before "}"');
      if (text[i] !== '"') fail('expected a key in double quotes');
      string();
      ws();
      if (text[i] !== ':') fail('expected ":" after the key');
      i++;
      value(depth + 1);
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') return void i++;
      fail('expected "," or "}" after a value (is a comma missing?)');
    }
  };
  const array = (depth: number): void => {
    i++;
    ws();
    if (text[i] === ']') return void i++;
    for (;;) {
      ws();
      if (text[i] === ']') fail('trailing comma before "]"');
      value(depth + 1);
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') return void i++;
      fail('expected "," or "]" after a value (is a comma missing?)');
    }
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail('unexpected text after the end of the JSON value');
    return undefined;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return { ...position(text, error.offset), problem: error.problem };
  }
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: Math.min(offset, text.length) - lineStart + 1 };
}
