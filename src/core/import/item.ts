/** The formats `nnquiz import` reads. */
export const IMPORT_FORMATS = ['markdown', 'anki', 'quizlet', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One question found in an imported file, as the file gives it: nothing is checked or cleaned yet. */
export interface ImportedItem {
  question: string;
  /** The answer as Markdown; empty when the file gives none. */
  answer: string;
  /** A topic as the file names it (a heading, a column, a deck), before it is made a folder name. */
  topic?: string;
  tags: string[];
  /** A difficulty as the file gives it (a column, an Anki tag), before it is checked. */
  difficulty?: string;
  /** An id the file gives (the GUID column of nnquiz's own Anki export), before it is checked. */
  id?: string;
  /** The line of the file where the question starts (1-based). */
  line: number;
}

/** Something in an imported file that could not be read as a question, at a line when known. */
export interface ImportProblem {
  line?: number;
  message: string;
}

export interface ParsedFile {
  items: ImportedItem[];
  problems: ImportProblem[];
}

/** A file that cannot be imported at all (empty, binary, a broken quote): the message says why, the hint what to do. */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly hint: string,
    readonly line?: number,
  ) {
    super(message);
  }
}
