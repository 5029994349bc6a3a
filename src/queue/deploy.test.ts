/**
 * deploy/: no Docker or Kubernetes runs here, so the manifests are checked
 * as far as a parser can: every YAML document parses, has apiVersion, kind
 * and a name, and the pieces agree with each other and with the CLI (the
 * worker's Secret keys, the Service the URL names, the HPA's target, the
 * queue's list KEDA watches, the Dockerfile's entrypoint).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { KEY_PREFIX, QUEUE_NAME } from './protocol.ts';
import { PASSWORD_ENV } from './url.ts';

const DEPLOY = fileURLToPath(new URL('../../deploy/', import.meta.url));

interface K8sDoc {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec?: Record<string, unknown>;
  stringData?: Record<string, string>;
}

function docs(file: string): K8sDoc[] {
  const text = readFileSync(`${DEPLOY}k8s/${file}`, 'utf8');
  return parseAllDocuments(text).map((d) => {
    expect(d.errors, `${file}: ${d.errors.map((e) => e.message).join('; ')}`).toEqual([]);
    return d.toJS() as K8sDoc;
  });
}

describe('deploy/', () => {
  const files = readdirSync(`${DEPLOY}k8s`).filter((f) => f.endsWith('.yaml'));
  const all = files.flatMap((f) => docs(f).map((d) => ({ file: f, doc: d })));
  const find = (file: string, kind: string) => all.find((x) => x.file === file && x.doc.kind === kind)!.doc;

  it('every Kubernetes manifest parses and names its apiVersion, kind and name', () => {
    expect(files.sort()).toEqual(['keda-scaledobject.yaml', 'redis-external-secret.yaml', 'redis.yaml', 'worker.yaml']);
    for (const { file, doc } of all) {
      expect(doc.apiVersion, file).toMatch(/^[\w./]+$/);
      expect(doc.kind, file).toMatch(/^[A-Z]\w+$/);
      expect(doc.metadata.name, file).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it('the worker Deployment runs `allweather worker` with the Secret the Redis manifests define', () => {
    const dep = find('worker.yaml', 'Deployment') as unknown as {
      spec: {
        selector: { matchLabels: Record<string, string> };
        template: {
          metadata: { labels: Record<string, string> };
          spec: {
            terminationGracePeriodSeconds: number;
            containers: {
              args: string[];
              env: { name: string; valueFrom: { secretKeyRef: { name: string; key: string } } }[];
            }[];
          };
        };
      };
    };
    expect(dep.spec.template.metadata.labels).toMatchObject(dep.spec.selector.matchLabels);
    const [c] = dep.spec.template.spec.containers;
    const env = Object.fromEntries(c.env.map((e) => [e.name, e.valueFrom.secretKeyRef]));
    expect(Object.keys(env).sort()).toEqual(['ALLWEATHER_QUEUE_URL', PASSWORD_ENV].sort());
    for (const secretFile of ['redis.yaml', 'redis-external-secret.yaml']) {
      const secret = find(secretFile, 'Secret');
      for (const ref of Object.values(env)) {
        expect(ref.name).toBe(secret.metadata.name);
        expect(Object.keys(secret.stringData!)).toContain(ref.key);
      }
      expect(secret.stringData!.url).toMatch(/^rediss?:\/\/[^@]+$/); // no password in the URL
    }
    // the grace the worker is given to finish or release its jobs fits in the pod's
    const grace = Number(c.args[c.args.indexOf('--grace-seconds') + 1]);
    expect(grace).toBeLessThan(dep.spec.template.spec.terminationGracePeriodSeconds);
    expect(c.args).toContain('--concurrency');
  });

  it('the in-cluster URL names the Redis Service, the HPA and KEDA scale the worker Deployment', () => {
    const svc = find('redis.yaml', 'Service') as unknown as {
      metadata: { name: string };
      spec: { ports: { port: number }[] };
    };
    const url = new URL(find('redis.yaml', 'Secret').stringData!.url);
    expect(url.hostname).toBe(svc.metadata.name);
    expect(Number(url.port)).toBe(svc.spec.ports[0].port);
    const hpa = find('worker.yaml', 'HorizontalPodAutoscaler') as unknown as {
      spec: { scaleTargetRef: { kind: string; name: string }; metrics: { resource: { name: string } }[] };
    };
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'allweather-worker' });
    expect(hpa.spec.metrics[0].resource.name).toBe('cpu');
    const keda = find('keda-scaledobject.yaml', 'ScaledObject') as unknown as {
      spec: { scaleTargetRef: { name: string }; triggers: { type: string; metadata: { listName: string } }[] };
    };
    expect(keda.spec.scaleTargetRef.name).toBe('allweather-worker');
    expect(keda.spec.triggers[0].metadata.listName).toBe(`${KEY_PREFIX}:${QUEUE_NAME}:wait`);
  });

  it('the image builds the CLI bundle on node:20-slim and starts a worker', () => {
    const docker = readFileSync(`${DEPLOY}Dockerfile`, 'utf8');
    expect(docker).toMatch(/^FROM node:20-slim/m);
    expect(docker).toMatch(/npm ci/);
    expect(docker).toMatch(/npm run build:cli/);
    expect(docker).toMatch(/ENTRYPOINT \["node", "bin\/allweather\.mjs", "worker"\]/);
  });
});
