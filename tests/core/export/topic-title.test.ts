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

  it("keeps a topic its author spelt with capitals, and one it cannot make a heading of", () => {
    expect(topicTitle('Computer Vision')).toBe('Computer Vision');
    expect(topicTitle('NLP-basics')).toBe('NLP-basics');
    expect(topicTitle('--')).toBe('--');
  });
});
