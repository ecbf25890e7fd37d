// Writes a bank of N question files made from the bundled bank, each with its own id and
// shuffled answer paragraphs, so the loader and search see realistic, non-identical text.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function bundledFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? bundledFiles(join(dir, entry.name)) : entry.name.endsWith('.md') ? [join(dir, entry.name)] : [],
  );
}

export function generateBank(target, count, sourceDir) {
  const sources = bundledFiles(sourceDir).map((file) => readFileSync(file, 'utf8'));
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length];
    const [, frontMatter, body] = source.split(/^---$/m);
    const topic = `topic-${i % 25}`;
    const paragraphs = body.trim().split(/\n\n/);
    const rotated = paragraphs.slice(i % paragraphs.length).concat(paragraphs.slice(0, i % paragraphs.length));
    const text = `---${frontMatter.replace(/^id: .*$/m, `id: generated-${i}`).replace(/^follow_ups: .*$/m, '').replace(/^former_ids: .*$/m, '').replace(/^topic: .*$/m, `topic: ${topic}`)}---\n${rotated.join('\n\n')}\nVariant ${i}.\n`;
    mkdirSync(join(target, topic), { recursive: true });
    writeFileSync(join(target, topic, `generated-${i}.md`), text);
  }
}

/** Writes a CSV of N cards (id, question, answer, topic) made from the bundled bank, each question made unique. */
export function generateCards(file, count, sourceDir) {
  const field = (text) => `"${text.replace(/"/g, '""')}"`;
  const sources = bundledFiles(sourceDir).map((path) => readFileSync(path, 'utf8').split(/^---$/m));
  const rows = ['id,question,answer,topic'];
  for (let i = 0; i < count; i++) {
    const [, frontMatter, body] = sources[i % sources.length];
    const question = /^question: (.*)$/m.exec(frontMatter)[1];
    rows.push([`card-${i}`, `${question} (card ${i})`, body.trim(), `topic-${i % 25}`].map(field).join(','));
  }
  writeFileSync(file, `${rows.join('\n')}\n`);
}
