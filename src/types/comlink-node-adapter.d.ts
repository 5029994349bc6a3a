/**
 * Types for comlink's Node adapter, which ships as an .mjs without a matching
 * .d.mts. It turns a worker_threads Worker or MessagePort into a comlink Endpoint.
 */
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';
  import type { MessagePort, Worker } from 'node:worker_threads';
  export default function nodeEndpoint(nep: Worker | MessagePort): Endpoint;
}
