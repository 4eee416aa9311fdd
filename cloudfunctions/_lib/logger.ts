/**
 * Structured logs. Personal data never reaches a log line: callers pass ids
 * and codes only, and `redact` masks anything that looks like an ID number or
 * a phone as a last line of defence (R9.1).
 */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

const ID_LIKE = /\b([1-8]\d{5})\d{8}(\d{3}[\dXx])\b/g;
const PHONE_LIKE = /\b(1[3-9]\d)\d{4}(\d{4})\b/g;

export function redact(text: string): string {
  return text.replace(ID_LIKE, '$1********$2').replace(PHONE_LIKE, '$1****$2');
}

export function createConsoleLogger(sink: (line: string) => void = (line) => console.log(line)): Logger {
  const write = (level: string, event: string, fields?: Record<string, unknown>) =>
    sink(redact(JSON.stringify({ level, event, ...fields })));
  return {
    info: (event, fields) => write('info', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}

export const silentLogger: Logger = { info: () => undefined, error: () => undefined };
