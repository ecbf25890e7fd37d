/**
 * How a topic is spelt in a sheet's headings. A topic is usually a folder name (`cnn`,
 * `sequence-models`), which is no way to write a heading; a bank has no title field for topics, so
 * the heading is made from the name: known acronyms in their usual spelling, hyphens as spaces,
 * the first letter capitalised.
 */

/** Abbreviations of the field, each in the spelling people write it in. */
const SPELLINGS: ReadonlyMap<string, string> = new Map(
  [
    'AI', 'ML', 'DL', 'NN', 'ANN', 'DNN', 'MLP', 'CNN', 'RNN', 'LSTM', 'GRU', 'GAN', 'VAE', 'NLP', 'CV', 'RL', 'LLM', 'GPT',
    'BERT', 'SVM', 'PCA', 'GPU', 'TPU', 'SGD', 'MSE', 'MAE', 'ROC', 'AUC', 'KNN', 'RAG', 'OCR', 'ASR', 'ReLU', 'GELU', 'LoRA',
  ].map((spelling) => [spelling.toLowerCase(), spelling]),
);

/** One word of a topic name: an acronym (or its plural, `cnns` → `CNNs`) in its spelling, else as it is. */
function spellWord(word: string): string {
  const known = SPELLINGS.get(word);
  if (known) return known;
  const singular = word.endsWith('s') ? SPELLINGS.get(word.slice(0, -1)) : undefined;
  return singular ? `${singular}s` : word;
}

/**
 * The heading for a topic: `cnn` → `CNN`, `sequence-models` → `Sequence models`. A topic that
 * already has a capital letter was spelt by the bank's author (`topic: Computer Vision`) and is
 * kept as it is.
 */
export function topicTitle(topic: string): string {
  if (/\p{Lu}/u.test(topic)) return topic;
  const words = topic.split(/[-_\s]+/).filter(Boolean).map(spellWord);
  const title = words.join(' ');
  return title === '' ? topic : title.charAt(0).toUpperCase() + title.slice(1);
}
