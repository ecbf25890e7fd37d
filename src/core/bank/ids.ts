/** Former id → the id of the question that now holds it (a question merged into another keeps resolving). */
export function formerIdMap(questions: ReadonlyArray<{ id: string; formerIds?: readonly string[] }>): Map<string, string> {
  return new Map(questions.flatMap((q) => (q.formerIds ?? []).map((former) => [former, q.id] as const)));
}

/** Questions by id and by former id; a current id always wins over a former one. */
export function questionsById<Q extends { id: string; formerIds?: readonly string[] }>(questions: readonly Q[]): Map<string, Q> {
  return new Map([...questions.flatMap((q) => (q.formerIds ?? []).map((former) => [former, q] as const)), ...questions.map((q) => [q.id, q] as const)]);
}
