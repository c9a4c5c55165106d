// What the compiled validators (ajv standalone code) report, as the package reports it. A module of
// its own, importing no generated code, so that request and answer validation share it without
// one loading the other's validators.

/** One failed check, as ajv reports it (`path` is a JSON pointer into the value checked). */
export interface SchemaIssue {
  path: string;
  keyword: string;
  params: Record<string, unknown>;
  message: string;
}

/** A validator function of the generated modules. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: Array<{ instancePath: string; keyword: string; params: Record<string, unknown>; message?: string }> | null;
}

/** The issues of the last failed call of `validate`. */
export const issuesOf = (validate: CompiledValidator): SchemaIssue[] =>
  (validate.errors ?? []).map((e) => ({
    path: e.instancePath,
    keyword: e.keyword,
    params: e.params,
    message: e.message ?? 'is invalid',
  }));
