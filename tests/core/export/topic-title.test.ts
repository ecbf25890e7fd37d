import { describe, expect, it } from 'vitest';
import { topicTitle } from '../../../src/core/export/topic-title.js';

describe('topicTitle', () => {
  it.each([
    ['cnn', 'CNN'],
    ['sequence-models', 'Sequence models'],
    ['attention', 'Attention'],
    ['lstm-variants', 'LSTM variants'],
    ['gans', 'GANs'],
    ['relu_family', 'ReLU family'],
    ['computer vision', 'Computer vision'],
  ])('spells %s as %s', (topic, title) => {
    expect(topicTitle(topic)).toBe(title);
  });

  it.each([
    'AI', 'ML', 'DL', 'NN', 'ANN', 'DNN', 'MLP', 'CNN', 'RNN', 'LSTM', 'GRU', 'GAN', 'VAE', 'NLP', 'CV', 'RL', 'LLM', 'GPT',
    'BERT', 'SVM', 'PCA', 'GPU', 'TPU', 'SGD', 'MSE', 'MAE', 'ROC', 'AUC', 'KNN', 'RAG', 'OCR', 'ASR', 'ReLU', 'GELU', 'LoRA',
  ])('knows the acronym %s, alone, in its plural and after another word', (spelling) => {
    const word = spelling.toLowerCase();
    expect(topicTitle(word)).toBe(spelling);
    expect(topicTitle(`${word}s`)).toBe(`${spelling}s`);
    expect(topicTitle(`intro-${word}`)).toBe(`Intro ${spelling}`);
  });

  it.each([
    ['bus', 'Bus'],
    ['loss', 'Loss'],
    ['s', 'S'],
    ['ss', 'Ss'],
    ['cnnss', 'Cnnss'],
    ['cnn-ss', 'CNN ss'],
    ['xcnn', 'Xcnn'],
    ['cnnx', 'Cnnx'],
    ['sgdx', 'Sgdx'],
  ])('keeps a word that is no known acronym or its plural as it is: %s → %s', (topic, title) => {
    expect(topicTitle(topic)).toBe(title);
  });

  it.each([
    ['a--b', 'A b'],
    ['_leading_and_trailing_', 'Leading and trailing'],
    ['mixed -_ \tseparators', 'Mixed separators'],
    ['élan-vital', 'Élan vital'],
    ['2d-convolutions', '2d convolutions'],
  ])('makes words of the parts between hyphens, underscores and blanks: %j → %j', (topic, title) => {
    expect(topicTitle(topic)).toBe(title);
  });

  it("keeps a topic its author spelt with capitals, and one it cannot make a heading of", () => {
    expect(topicTitle('Computer Vision')).toBe('Computer Vision');
    expect(topicTitle('NLP-basics')).toBe('NLP-basics');
    expect(topicTitle('deep-Learning')).toBe('deep-Learning');
    expect(topicTitle('Ärzte_notes')).toBe('Ärzte_notes');
    expect(topicTitle('--')).toBe('--');
    expect(topicTitle('')).toBe('');
  });
});
