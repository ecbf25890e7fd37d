// The stopword package ships no types for its per-language modules.
declare module 'stopword/src/stopwords_eng.js' {
  export const eng: string[];
}
