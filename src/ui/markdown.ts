import chalk from 'chalk';
import { lexer, type Token, type Tokens } from 'marked';
import { boundMarkdownNesting } from '../core/markdown-nesting.js';
import { stripControlSequences } from '../core/safe-text.js';
import { displayWidth } from './layout.js';

// marked parses; rendering for the terminal is done here because marked-terminal leaves inline
// formatting inside list items unrendered with current marked (its issues #304 and #371).

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes HTML entities (marked decodes most already) and strips any control character they produced. */
function decodeEntities(text: string): string {
  return stripControlSequences(text).replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      // Entities may not smuggle in control characters.
      return code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function inline(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((token): string => {
      switch (token.type) {
        case 'strong':
          return chalk.bold(inline(token.tokens));
        case 'em':
          return chalk.italic(inline(token.tokens));
        case 'del':
          return chalk.strikethrough(inline(token.tokens));
        case 'codespan':
          return chalk.cyan(decodeEntities(token.text));
        case 'br':
          return '\n';
        case 'link': {
          const text = inline(token.tokens);
          const href = (token as Tokens.Link).href;
          return href && href !== text ? `${text} ${chalk.dim(`(${href})`)}` : text;
        }
        case 'image':
          return chalk.dim(`[image: ${token.text}]`);
        case 'text':
          // A line break inside a paragraph is a soft break, a space, as Markdown means it; only a
          // hard break (two trailing spaces, a backslash) ends a line.
          return 'tokens' in token && token.tokens ? inline(token.tokens) : decodeEntities(token.text).replace(/\n/g, ' ');
        case 'escape':
        case 'html':
          return decodeEntities('text' in token ? String(token.text) : token.raw);
        default:
          return decodeEntities(token.raw);
      }
    })
    .join('');
}

/** Wraps styled text to a width; `first` prefixes the first line, `rest` the others. */
function wrap(text: string, width: number, first: string, rest: string): string[] {
  const lines: string[] = [];
  for (const paragraphLine of text.split('\n')) {
    let line = '';
    for (const word of paragraphLine.split(/ +/)) {
      const prefix = lines.length === 0 && line === '' ? first : rest;
      if (line !== '' && displayWidth(prefix + line + ' ' + word) > width) {
        lines.push(prefix + line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    lines.push((lines.length === 0 ? first : rest) + line);
  }
  return lines;
}

function blocks(tokens: Token[], width: number, indent: string): string[] {
  const out: string[] = [];
  const gap = () => {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
        break;
      case 'heading':
        gap();
        out.push(...wrap(chalk.bold(token.depth <= 2 ? chalk.underline(inline(token.tokens)) : inline(token.tokens)), width, indent, indent));
        out.push('');
        break;
      case 'paragraph':
        gap();
        out.push(...wrap(inline(token.tokens), width, indent, indent));
        out.push('');
        break;
      case 'text':
        out.push(...wrap(inline((token as Tokens.Text).tokens ?? [{ type: 'text', raw: token.raw, text: token.text } as Token]), width, indent, indent));
        break;
      case 'code':
        gap();
        for (const line of decodeEntities(token.text).split('\n')) out.push(`${indent}    ${chalk.cyan(line)}`);
        out.push('');
        break;
      case 'blockquote':
        gap();
        out.push(...blocks(token.tokens ?? [], width, `${indent}${chalk.dim('│')} `).filter((line, i, all) => line !== '' || i < all.length - 1));
        out.push('');
        break;
      case 'list': {
        gap();
        const list = token as Tokens.List;
        const start = typeof list.start === 'number' ? list.start : 1;
        list.items.forEach((item, index) => {
          const marker = list.ordered ? `${start + index}.` : '•';
          const hanging = `${indent}${' '.repeat(marker.length + 1)}`;
          const lines = blocks(item.tokens, width, hanging);
          while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
          if (lines.length === 0) lines.push(hanging);
          lines[0] = `${indent}${marker} ${lines[0]!.slice(hanging.length)}`;
          out.push(...lines);
          if (list.loose) out.push('');
        });
        out.push('');
        break;
      }
      case 'table': {
        gap();
        const table = token as Tokens.Table;
        const rows = [table.header, ...table.rows].map((row) => row.map((cell) => inline(cell.tokens)));
        const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => displayWidth(row[column] ?? ''))));
        rows.forEach((row, index) => {
          const cells = row.map((cell, column) => cell + ' '.repeat(widths[column]! - displayWidth(cell)));
          out.push(indent + (index === 0 ? chalk.bold(cells.join('  ')) : cells.join('  ')));
          if (index === 0) out.push(indent + widths.map((w) => '─'.repeat(w)).join('  '));
        });
        out.push('');
        break;
      }
      case 'hr':
        gap();
        out.push(indent + chalk.dim('─'.repeat(Math.max(3, Math.min(40, width - indent.length)))));
        out.push('');
        break;
      default:
        gap();
        out.push(...wrap(decodeEntities(token.raw.trim()), width, indent, indent));
        out.push('');
    }
  }
  return out;
}

/** Renders Markdown (a model answer) for the terminal: headings, lists, bold, code and tables, wrapped to the screen. */
export function renderMarkdown(markdown: string, width = Math.min(process.stdout.columns || 80, 100)): string {
  let lines: string[];
  try {
    lines = blocks(lexer(boundMarkdownNesting(markdown)), Math.max(20, width), '');
  } catch (error) {
    // Nesting too deep for the parser's stack (emphasis inside emphasis, thousands deep): show the text as it is.
    if (!(error instanceof RangeError)) throw error;
    lines = wrap(decodeEntities(markdown), Math.max(20, width), '', '');
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
