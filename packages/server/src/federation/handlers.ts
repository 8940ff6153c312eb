import type { Db } from '@openehds/db';
import type { Envelope, JsonValue } from '@openehds/core';
import type { FederatedNode } from './nodes';
import type { HubConfig } from '../config';

/**
 * Other hub features accept their own signed node messages through this registry (the catalogue
 * registers `dataset.publish`). The federation layer has already checked the signature, replay
 * window, nonce and approval before a handler runs; the handler validates the body and acts.
 */
export type NodeMessageHandler = (
  db: Db,
  node: FederatedNode,
  body: JsonValue,
  // The hub's configuration comes with each message: the registry is process-wide, a hub's config is not.
  context: { envelope: Envelope; config: HubConfig },
) => Promise<unknown>;

/** Types the federation layer answers itself; a feature cannot take them over. */
export const BUILT_IN_TYPES = ['node.register', 'task.pull', 'task.result', 'node.heartbeat'] as const;

const handlers = new Map<string, NodeMessageHandler>();

/**
 * Registers the handler for one signed node message type, sent to `POST /api/federation/messages`.
 * Registering a type twice replaces the handler (a hot-reloaded module re-registers itself).
 */
export function registerNodeMessageHandler(type: string, handler: NodeMessageHandler): void {
  if (!/^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*)+$/.test(type)) {
    throw new TypeError(`node message type ${type} must be dotted lower case, e.g. dataset.publish`);
  }
  if ((BUILT_IN_TYPES as readonly string[]).includes(type)) {
    throw new TypeError(`${type} is a built-in federation message and cannot be handled elsewhere`);
  }
  handlers.set(type, handler);
}

/** Same as {@link registerNodeMessageHandler}; the name DESIGN.md uses (`onNodeMessage`). */
export const onNodeMessage = registerNodeMessageHandler;

/** The handler for a type, if one is registered. */
export function nodeMessageHandler(type: string): NodeMessageHandler | undefined {
  return handlers.get(type);
}

/** Registered message types, sorted (for error messages). */
export function nodeMessageTypes(): string[] {
  return [...handlers.keys()].sort();
}
