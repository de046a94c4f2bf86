import { parseDocument } from 'yaml';

/** The parts of a Compose file these checks read (the schema checks the rest). */
export interface ComposeFile {
  services: Record<string, ComposeService>;
  networks?: Record<
    string,
    {
      driver?: string;
      attachable?: boolean;
      external?: boolean;
      driver_opts?: Record<string, string>;
    } | null
  >;
  volumes?: Record<string, object | null>;
  secrets?: Record<string, { external?: boolean; name?: string; file?: string }>;
  configs?: Record<string, { external?: boolean; name?: string; file?: string }>;
  [extension: `x-${string}`]: unknown;
}

export interface ComposeService {
  image?: string;
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  secrets?: (string | { source: string; target?: string })[];
  configs?: (string | { source: string; target?: string })[];
  ports?: (
    string | number | { target: number; published?: number; mode?: string; protocol?: string }
  )[];
  networks?: string[] | Record<string, object | null>;
  volumes?: (string | { type?: string; source?: string; target: string })[];
  healthcheck?: {
    test?: string | string[];
    disable?: boolean;
    interval?: string;
    retries?: number;
  };
  deploy?: {
    mode?: string;
    replicas?: number;
    endpoint_mode?: string;
    placement?: { constraints?: string[]; max_replicas_per_node?: number };
    update_config?: UpdateConfig;
    rollback_config?: UpdateConfig;
    restart_policy?: { condition?: string; delay?: string; max_attempts?: number; window?: string };
    resources?: {
      limits?: { cpus?: string | number; memory?: string };
      reservations?: { cpus?: string | number; memory?: string };
    };
  };
}

export interface UpdateConfig {
  parallelism?: number;
  delay?: string;
  order?: 'start-first' | 'stop-first';
  failure_action?: string;
  monitor?: string;
}

export type Variables = Readonly<Record<string, string | undefined>>;

const reference =
  /\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])((?:[^{}]|\{\{[^{}]*\}\})*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Compose's variable interpolation: ${NAME}, $NAME, ${NAME:-default}, ${NAME-default}, ${NAME:?error}, and $$ for a
 * literal dollar sign. Swarm's own {{.Task.Slot}} templates are left for the engine.
 */
export function interpolate(text: string, variables: Variables): string {
  return text.replace(
    reference,
    (whole, braced?: string, operator?: string, argument?: string, bare?: string): string => {
      if (whole === '$$') return '$';
      const name = braced ?? bare ?? '';
      const value = variables[name];
      switch (operator) {
        case ':-':
          return value === undefined || value === '' ? (argument ?? '') : value;
        case '-':
          return value ?? argument ?? '';
        case ':?':
        case '?':
          if (value === undefined || (operator === ':?' && value === '')) {
            throw new Error(`${name} must be set: ${argument ?? ''}`);
          }
          return value;
        default:
          return value ?? '';
      }
    },
  );
}

/** Every variable a Compose file refers to, with its default when it has one. */
export function variablesOf(text: string): Map<string, string | undefined> {
  const found = new Map<string, string | undefined>();
  for (const match of text.matchAll(reference)) {
    const name = match[1] ?? match[4];
    if (name === undefined) continue;
    const fallback = match[2] === ':-' || match[2] === '-' ? match[3] : undefined;
    if (!found.has(name) || found.get(name) === undefined) found.set(name, fallback);
  }
  return found;
}

/** Parses a Compose file as `docker stack deploy` does: YAML with merge keys (<<), then variables interpolated. */
export function parseCompose(text: string, variables: Variables = {}): ComposeFile {
  const document = parseDocument(text, { merge: true, uniqueKeys: true, prettyErrors: true });
  if (document.errors.length > 0)
    throw new Error(document.errors.map((error) => error.message).join('\n'));
  const raw: unknown = document.toJS({ maxAliasCount: 1000 });
  return interpolateValues(raw, variables) as ComposeFile;
}

function interpolateValues(value: unknown, variables: Variables): unknown {
  if (typeof value === 'string') return interpolate(value, variables);
  if (Array.isArray(value)) return value.map((item) => interpolateValues(item, variables));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, interpolateValues(item, variables)]),
    );
  }
  return value;
}

/** A service's environment as a name → value map, whichever of the two Compose forms it uses. */
export function environmentOf(service: ComposeService): Map<string, string> {
  const environment = service.environment ?? {};
  if (Array.isArray(environment)) {
    return new Map(
      environment.map((entry) => {
        const at = entry.indexOf('=');
        return at === -1 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return new Map(
    Object.entries(environment).map(([name, value]) => [name, value === null ? '' : String(value)]),
  );
}

/** The secrets a service mounts, as source name → path inside the container. */
export function secretMounts(service: ComposeService): Map<string, string> {
  return new Map(
    (service.secrets ?? []).map((secret) => {
      const source = typeof secret === 'string' ? secret : secret.source;
      const target = typeof secret === 'string' ? undefined : secret.target;
      return [
        source,
        target === undefined
          ? `/run/secrets/${source}`
          : target.startsWith('/')
            ? target
            : `/run/secrets/${target}`,
      ];
    }),
  );
}
