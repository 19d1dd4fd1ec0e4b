import * as z from 'zod/mini';

export type JsonSchema = Record<string, unknown>;

/**
 * A zod schema as the JSON Schema (2020-12, OpenAPI 3.1's dialect) of what a client sends (`input`:
 * defaults make a field optional, coercions show what is accepted) or receives (`output`). Refinements
 * have no JSON form and are left out: the document then says less than the handler checks, never more.
 */
export function jsonSchemaOf(schema: z.core.$ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-2020-12' }) as JsonSchema;
  // `#/$defs/…` would resolve against the whole document once inlined in it.
  if ('$defs' in rest) throw new Error('A schema with $defs cannot be inlined in the OpenAPI document');
  return rest;
}

/** The properties of an object schema (path, query), with which are required. */
export function objectMembers(
  schema: JsonSchema,
  what: string,
): { name: string; schema: JsonSchema; required: boolean }[] {
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (schema.type !== 'object' || !properties) throw new Error(`${what} is not an object schema`);
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, member]) => ({ name, schema: member, required: required.has(name) }));
}
