import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Checks each answer against the committed OpenAPI document (docs/api/openapi.json): its status
 * must be documented for the route, and its body must match the documented schema exactly —
 * objects are closed (no undocumented field), nullable means null or the schema. A response that
 * drifts from the document fails the test that received it. Problem details stay open: RFC 9457
 * allows extension members.
 */
type Schema = Record<string, unknown>;
interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

const document = JSON.parse(readFileSync(new URL('../../docs/api/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

/** OpenAPI 3.0 to JSON Schema as Ajv reads it, closing every documented object. */
function strict(schema: unknown, open = false): unknown {
  if (Array.isArray(schema)) return schema.map((s) => strict(s, open));
  if (!schema || typeof schema !== 'object') return schema;
  const source = schema as Schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'nullable' || key === 'example') continue;
    if (key === '$ref') out.$ref = String(value).replace('#/components/schemas/', 'openapi.json#/components/schemas/');
    else if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value as Schema).map(([k, v]) => [k, strict(v, open)]));
    else out[key] = strict(value, open);
  }
  if (source.properties && !('additionalProperties' in source) && !open) out.additionalProperties = false;
  return source.nullable ? { anyOf: [out, { type: 'null' }] } : out;
}

const ajv = new Ajv({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv) => void)(ajv);
ajv.addSchema(
  {
    $id: 'openapi.json',
    components: { schemas: Object.fromEntries(Object.entries(document.components.schemas).map(([name, s]) => [name, strict(s, name === 'ProblemDetailsDto')])) },
  },
  'openapi.json',
);

const routes = Object.entries(document.paths).map(([template, operations]) => ({
  pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  operations,
}));
const compiled = new Map<string, ValidateFunction>();

/** Throws, naming the route and what differs, when an answer is not what the document says. */
export function checkAnswer(method: string, url: string, status: number, contentType: string | null, text: string): void {
  const path = new URL(url).pathname;
  const route = routes.find((r) => r.pattern.test(path));
  const operation = route?.operations[method.toLowerCase()];
  if (!operation) return; // not a documented route (the framework's own 404s and 405s)
  const documented = operation.responses[String(status)];
  if (!documented) throw new Error(`${method} ${path} answered ${status}, a status its OpenAPI document does not list (${Object.keys(operation.responses).join(', ')})`);
  const media = contentType?.split(';')[0]?.trim() ?? '';
  const schema = documented.content?.[media]?.schema ?? Object.values(documented.content ?? {})[0]?.schema;
  if (!schema || !media.endsWith('json')) return;
  const key = `${method} ${route!.pattern.source} ${status}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(strict(schema) as Schema);
    compiled.set(key, validate);
  }
  const body = text ? JSON.parse(text) : undefined;
  if (!validate(body)) {
    const problems = (validate.errors ?? []).slice(0, 8).map((e) => `${e.instancePath || '(body)'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
    throw new Error(`${method} ${path} answered ${status} with a body that drifts from its OpenAPI schema:\n  ${problems.join('\n  ')}`);
  }
}
