import { stripVTControlCharacters } from 'node:util';

// C0 controls except tab and newline, DEL, C1 controls, and the bidi overrides/isolates
// that can make text read differently from what it is ("Trojan Source").
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const HAS_UNSAFE_CHARACTER = new RegExp(UNSAFE_CHARACTERS.source);

/**
 * Removes terminal control sequences (CSI, OSC such as clipboard writes and hyperlinks)
 * and every other control character but tab and newline. Bank files may come from anyone,
 * so every string read from one passes through here before anything can print it.
 */
export function stripControlSequences(text: string): string {
  // Every sequence starts with a control character (ESC or CSI), as a carriage return is one: text
  // with none, nearly all of it, is returned after one scan instead of three.
  if (!HAS_UNSAFE_CHARACTER.test(text)) return text;
  return stripVTControlCharacters(text.replace(/\r\n?/g, '\n')).replace(UNSAFE_CHARACTERS, '');
}

/** Quotes a value found in a file for an error message: sanitised, on one line, and short. */
export function quoteFound(value: unknown, max = 60): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(stripControlSequences(value));
  else if (value === null || value === undefined) text = String(value);
  else if (typeof value === 'object') text = Array.isArray(value) ? 'a list' : 'a mapping';
  else text = `${typeof value} ${String(value)}`;
  text = text.replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
