/**
 * The shared lexicon: families of words and phrases that say the same thing in an answer about
 * neural networks, whatever the question. Every rubric is matched through it, so an idea written
 * once ("gradients shrink") is heard in all its everyday forms ("gradients get tiny", "go to
 * zero"). A family is named by its first entry. Keep families tight: two entries belong together
 * only when swapping one for the other never turns a right claim into a wrong one.
 */
export const EQUIVALENT_PHRASES: readonly (readonly string[])[] = [
  // Direction and size. Change and state share a family, so `reduces the loss` and `a lower loss`
  // are one idea; their opposites make a reversed claim detectable.
  ['less', 'lower', 'low', 'small', 'smaller', 'tiny', 'very small', 'vanishingly small', 'minuscule', 'negligible', 'little', 'fewer', 'decrease', 'reduce', 'reduction', 'shrink', 'diminish', 'decline', 'lessen', 'go down', 'get smaller', 'become smaller', 'close to zero', 'near zero', 'nearly zero', 'almost zero', 'towards zero', 'toward zero', 'approach zero', 'go to zero', 'tend to zero', 'vanish', 'cut', 'cut down', 'scale down', 'fade', 'die out', 'attenuate'],
  ['more', 'higher', 'high', 'large', 'larger', 'big', 'bigger', 'huge', 'enormous', 'massive', 'very large', 'greater', 'increase', 'raise', 'grow', 'growth', 'rise', 'go up', 'get bigger', 'get larger', 'become larger', 'amplify', 'explode', 'explosion', 'explosive', 'blow up', 'grow without bound', 'skyrocket', 'balloon', 'scale up', 'boost'],
  ['fast', 'faster', 'quick', 'quickly', 'rapid', 'rapidly', 'speed up', 'accelerate', 'sped up', 'in fewer steps'],
  ['slow', 'slowly', 'slower', 'sluggish', 'slow down', 'crawl', 'take forever', 'takes ages', 'many more steps'],
  ['stable', 'stability', 'stabilize', 'steady', 'smooth out', 'well behaved'],
  ['unstable', 'instability', 'erratic', 'destabilize', 'blow up training'],
  ['converge', 'convergence', 'settle', 'settle down'],
  ['diverge', 'divergence', 'blow up the loss', 'loss explodes', 'shoot off'],
  ['same', 'identical', 'equal', 'symmetric', 'indistinguishable', 'the same as each other', 'all alike', 'interchangeable', 'copies of each other', 'clones'],
  ['different', 'distinct', 'diverse', 'unique', 'varied', 'dissimilar'],
  ['stay', 'remain', 'keep being', 'continue to be', 'stuck'],
  ['random', 'randomly', 'at random', 'stochastic', 'stochastically', 'by chance'],
  ['prevent', 'avoid', 'mitigate', 'combat', 'counteract', 'fight', 'curb', 'guard against', 'protect against', 'discourage', 'alleviate', 'tackle', 'remedy', 'address', 'solve', 'cure', 'help against'],
  ['cause', 'lead to', 'leads to', 'result in', 'give rise to', 'bring about', 'trigger'],
  ['disable', 'deactivate', 'switch off', 'turn off', 'shut off', 'knock out', 'silence', 'ignore', 'mask out', 'zero out', 'set to zero'],
  ['remove', 'delete', 'eliminate', 'get rid of', 'throw away', 'discard', 'strip out'],
  ['overfit', 'memorize', 'memorization', 'learn the noise', 'fit the noise'],
  ['generalize', 'generalization', 'do well on new data', 'work on unseen data', 'perform well on unseen data', 'perform well on new data'],
  ['labeled', 'annotated', 'with labels', 'has labels', 'have labels', 'with targets', 'with ground truth', 'tagged with answers'],
  ['loss', 'error', 'objective'],
  ['gradient', 'derivative', 'grad', 'partial derivative'],
  ['weight', 'parameter', 'param'],
  ['neuron', 'unit', 'node', 'hidden unit'],
  ['network', 'model', 'net', 'neural net', 'neural network'],
  ['data', 'dataset', 'data set', 'examples', 'samples', 'data points', 'datapoints', 'instances', 'observations'],
  ['learning rate', 'lr', 'eta'],
  ['inference', 'inference time', 'prediction time', 'test time', 'serving time', 'deployment time'],
  ['batch normalization', 'batch norm', 'batchnorm', 'bn'],
  ['layer normalization', 'layer norm', 'layernorm', 'ln'],
  ['good', 'well', 'better', 'strong', 'strongly', 'improve', 'improvement'],
  ['bad', 'poor', 'poorly', 'badly', 'worse', 'weak'],
  ['positive', 'above zero', 'greater than zero', 'bigger than zero', 'more zero'],
  ['negative', 'below zero', 'less than zero', 'smaller than zero', 'under zero', 'less zero'],
  ['linear', 'straight line', 'straight lines'],
  ['forever', 'permanently', 'never recover', 'never come back', 'stays dead', 'for ever'],
  ['combine', 'combination', 'mix', 'blend', 'merge'],
  ['multiply', 'product', 'multiplication', 'multiplied together'],
  ['add', 'sum', 'added together', 'plus'],
  ['average', 'mean', 'avg'],
  ['compute', 'calculate', 'computation', 'calculation', 'work out'],
  ['copy', 'duplicate', 'replicate'],
  ['cheap', 'cheaply', 'inexpensive', 'low cost', 'affordable', 'lightweight'],
  ['expensive', 'costly', 'pricey', 'unaffordable', 'prohibitive', 'computationally heavy', 'compute heavy', 'a lot of compute', 'lots of compute'],
  ['weighted sum', 'weighted average', 'weighted combination', 'weighted mix', 'weighted mean'],
  ['relevant', 'important', 'pertinent'],
  ['check', 'verify', 'sanity check', 'inspect', 'make sure', 'double check', 'confirm'],
  ['soft', 'softened', 'smoothed', 'softer'],
  ['one', '1', 'single', 'a single'],
  ['two', '2'],
  ['maximize', 'maximise', 'maximum', 'maximal'],
  ['minimize', 'minimise', 'minimum'],
  ['noisy', 'noise', 'jumpy'],
  ['cancel', 'cancel out', 'cancel each other', 'average out'],
  ['oscillate', 'oscillation', 'zig zag', 'zigzag', 'bounce', 'bounce around', 'back and forth'],
  ['fool', 'trick', 'deceive'],
  ['exponentially', 'exponential', 'exponentially fast'],
  ['weight update', 'parameter update', 'gradient step', 'optimizer step', 'update step', 'training step'],
  ['close together', 'near each other', 'close to each other', 'nearby', 'close in space'],
  ['in parallel', 'simultaneously', 'all at once', 'at the same time', 'concurrently'],
  ['one at a time', 'step by step', 'sequentially', 'one after another', 'in sequence'],
  ['three', '3'],
  ['outrank', 'rank above', 'ranked above', 'ranks above', 'scored higher', 'score higher', 'scores higher'],
  ['performance', 'accuracy', 'score'],
  ['every', 'each', 'all', 'every single'],
];

/** Families of everyday words, too common in any answer to stand alone as an alias. */
export const GENERAL_FAMILIES: readonly string[] = ['less', 'more', 'fast', 'slow', 'stable', 'unstable', 'same', 'different', 'random', 'prevent', 'cause', 'disable', 'remove', 'good', 'bad', 'positive', 'negative', 'linear', 'forever', 'combine', 'multiply', 'add', 'average', 'compute', 'copy', 'every', 'stay', 'one', 'two', 'three', 'check', 'relevant', 'cheap', 'expensive'];

/** Families that say the opposite of each other: stating one where a rubric says the other is a reversed claim. */
export const OPPOSITE_FAMILIES: readonly (readonly [string, string])[] = [
  ['less', 'more'],
  ['fast', 'slow'],
  ['stable', 'unstable'],
  ['converge', 'diverge'],
  ['same', 'different'],
  ['good', 'bad'],
  ['positive', 'negative'],
  ['prevent', 'cause'],
  ['cheap', 'expensive'],
  ['maximize', 'minimize'],
];

/** A negated family that means another family: `not stable` is `unstable`. */
export const NEGATED_FAMILIES: Readonly<Record<string, string>> = {
  stable: 'unstable',
  unstable: 'stable',
  same: 'different',
  different: 'same',
  good: 'bad',
  bad: 'good',
};

/** Negations that bind a verb or adjective (`not`, `never`, `can't`). */
export const VERB_NEGATIONS: readonly string[] = ['not', 'never', 'cannot', 'can t', 'don t', 'doesn t', 'didn t', 'isn t', 'aren t', 'wasn t', 'weren t', 'won t', 'wouldn t', 'shouldn t', 'couldn t', 'hasn t', 'haven t', 'hadn t', 'mustn t', 'needn t', 'ain t', 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'wont', 'wouldnt', 'shouldnt', 'couldnt', 'hasnt', 'havent', 'cant', 'hardly', 'fail to', 'fails to', 'failed to', 'unable to', 'nor'];

/** Negations that bind a noun phrase (`no labels`, `without dropout`, `instead of multiplying`). */
export const NOUN_NEGATIONS: readonly string[] = ['no', 'without', 'none', 'lack', 'lacks', 'lacking', 'lack of', 'absence of', 'instead of', 'rather than', 'free of', 'neither'];

/**
 * Verbs that carry no claim of their own after a negation, so the negation reaches past them:
 * `doesn't use labels` says `no labels`; `never break symmetry` is about breaking, not symmetry.
 */
export const LIGHT_VERBS: readonly string[] = ['use', 'uses', 'used', 'using', 'need', 'needs', 'needed', 'require', 'requires', 'required', 'apply', 'applies', 'applied', 'have', 'has', 'had', 'having', 'include', 'includes', 'included', 'involve', 'involves', 'involved', 'get', 'gets', 'got', 'give', 'gives', 'gave', 'provide', 'provides', 'provided', 'help', 'helps', 'helped', 'contain', 'contains', 'rely', 'relies', 'mean', 'means', 'meant', 'imply', 'implies', 'guarantee', 'guarantees', 'guaranteed', 'say', 'says', 'true', 'necessary', 'follow', 'follows', 'really', 'actually', 'even', 'always', 'necessarily', 'just', 'only', 'simply', 'any', 'some', 'much', 'very'];

/**
 * Words that only glue a phrase together: a key phrase may leave them out or add them, and they
 * never count as the filler a loose phrase allows. Words with a meaning of their own (`more`,
 * `same`, `too`) are not here, so `more training data` still needs `more`.
 */
export const GLUE_WORDS: readonly string[] = ['a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'from', 'as', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'it', 'its', 'this', 'that', 'these', 'those', 'and', 'or', 'their', 'his', 'her', 'our', 'your', 'my', 'they', 'them', 'which', 'who', 'whose', 'does', 'do', 'did', 'can', 'could', 'will', 'would', 'should', 'may', 'might', 'must', 'shall', 'get', 'gets', 'got', 'getting', 'become', 'becomes', 'became', 'becoming', 'very', 'really', 'so', 'just', 'then', 'also', 'into', 'onto', 'up', 'there', 'here', 's', 'than'];
