// A forward-only migration: a version, a name, and the statements it runs (one per string,
// so both backends run them through the same parameterised-query door).
export interface Migration {
  version: number;
  name: string;
  statements: string[];
}
