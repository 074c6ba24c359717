/**
 * The facts the shared analysis hands to rules. Rules never re-derive them.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import type { DbLayer, IsolationLevel } from './settings.js';

export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

/** A function, or the module's top level. */
export type CodeRoot = FunctionNode | TSESTree.Program;

/** A call that does I/O: `a.b(...)`, `new X(...)` is never one, a tagged template `sql\`…\`` can be. */
export type EffectNode = TSESTree.CallExpression | TSESTree.TaggedTemplateExpression;

/** How sure the classification is: followed to an import/constructor/type/setting, or guessed from a conventional name plus the call's shape. */
export type Confidence = 'resolved' | 'named';

export type DbOp =
  | 'read'
  | 'create'
  | 'update'
  | 'delete'
  | 'upsert'
  /** Opens a transaction: a callback form (`$transaction(cb)`), a batch (`$transaction([...])`), or a manual `BEGIN`. */
  | 'transaction'
  | 'commit'
  | 'rollback'
  /** Takes a lock: `pg_advisory_xact_lock`, `LOCK TABLE`, Redis `WATCH`. */
  | 'lock'
  /** Writes back pending changes of loaded entities: MikroORM `em.flush()`. */
  | 'flush'
  | 'other';

export interface DbClientRef {
  layer: DbLayer;
  /** The receiver's printed root: `prisma`, `tx`, `this.prisma`, `User`. */
  name: string;
  /** The transaction's own client (`tx` in `$transaction(async (tx) => …)`, a Sequelize `t`, a query runner). */
  isTransactionClient: boolean;
  confidence: Confidence;
}

export interface DbCall {
  kind: 'db';
  /** The outermost call of the statement (the one that is awaited), e.g. the `.where(...)` at the end of a Drizzle chain. */
  node: EffectNode;
  layer: DbLayer;
  op: DbOp;
  /** The method that decides `op`: `findUnique`, `update`, `save`, `query`, `set`. */
  method: string;
  /** Printable callee for messages: `db.candidates.update`. */
  label: string;
  /** Model, table or collection, normalised (`candidate`, `users` → `user`); undefined when unknown. */
  target: string | undefined;
  /** Argument nodes that select the record(s): `where`, `.where(...)`, `findById(id)`, a Redis key. */
  filter: TSESTree.Node[];
  /** Argument nodes whose values are written: `data`, `.set(...)`, `.values(...)`, SQL parameters. */
  data: TSESTree.Node[];
  /** For write-back of a loaded object (`doc.save()`, `repo.save(user)`, `user.update({...})`): that object. */
  instance: TSESTree.Node | undefined;
  /** The read takes a row lock (`FOR UPDATE`, `pessimistic_write`, `lock: t.LOCK.UPDATE`, `.forUpdate()`). */
  locking: boolean;
  /** The write is computed by the database (`increment`, `$inc`, `SET x = x + 1`, `INCR`). */
  atomic: boolean;
  /** The create cannot produce a duplicate (`upsert`, `ON CONFLICT`, `skipDuplicates`, `upsert: true`, `SET … NX`). */
  conflictSafe: boolean;
  /**
   * The insert leaves an existing row as it is: `ON CONFLICT DO NOTHING`, `INSERT IGNORE`, Drizzle
   * `.onConflictDoNothing()`, Knex `.onConflict().ignore()`, Kysely `.ignore()`, TypeORM `.orIgnore()`,
   * a Prisma `upsert` with `update: {}`, Sequelize `ignoreDuplicates: true`, a Mongo upsert that only
   * `$setOnInsert`s. Running it again changes nothing.
   */
  keepsExisting: boolean;
  /** The write's filter carries a precondition (a version, a status, a value from the read): compare-and-set. */
  conditional: boolean;
  /** The call passes a transaction or session explicitly (`{ transaction: t }`, `{ session }`, `.transacting(trx)`). */
  passesTransaction: boolean;
  /** For `op: 'transaction'`. */
  isolation: IsolationLevel | undefined;
  /** For `op: 'transaction'` in callback form: the callback that runs inside it. */
  callback: FunctionNode | undefined;
  /** For `op: 'transaction'`: `$transaction([...])` runs its queries as one batch. */
  batch: boolean;
  client: DbClientRef;
  /** Set when the call is to a same-file helper (or a configured wrapper) whose body does this. */
  viaHelper: string | undefined;
}

/** A call that leaves the process: HTTP, an SDK, email, a webhook. */
export interface ExternalCall {
  kind: 'external';
  node: TSESTree.CallExpression;
  /** `fetch`, `axios`, `got`, `ky`, `undici`, `superagent`, `http`, `stripe`, `resend`, … */
  client: string;
  /** HTTP method when known (`GET`, `POST`, …). */
  method: string | undefined;
  /** Changes state on the other side (POST/PUT/PATCH/DELETE, SDK create/update/send). */
  mutating: boolean;
  /** Printable callee: `stripe.charges.create`, `fetch`. */
  label: string;
  confidence: Confidence;
  viaHelper: string | undefined;
}

/** A durable hand-off to a job queue or outbox: the work survives this process failing. */
export interface EnqueueCall {
  kind: 'enqueue';
  node: TSESTree.CallExpression;
  label: string;
  viaHelper: string | undefined;
}

export type Effect = DbCall | EnqueueCall | ExternalCall;

/** A transaction the analysis can see, and what it protects. */
export interface TransactionScope {
  /** The call that opens it: `prisma.$transaction(...)`, `client.query('BEGIN')`. */
  node: EffectNode;
  layer: DbLayer;
  isolation: IsolationLevel;
  kind: 'callback' | 'batch' | 'manual';
  /** Callback form: the callback. */
  callback: FunctionNode | undefined;
  /** Printable opener for messages: `prisma.$transaction`. */
  label: string;
  /** Recognised only by the opener's name (`transaction([...])`, `runInTransaction(cb)`): enough to stay silent, not to report. */
  guessed: boolean;
}

/** Where an effect sits in its function: order, transaction, lock, error handling, awaiting. */
export interface EffectSite {
  effect: Effect;
  /** Position in evaluation order within the analysed root (0-based). */
  index: number;
  /** The function whose body holds the call (an inlined transaction or lock callback, or the root itself). */
  fn: CodeRoot;
  /** The innermost transaction around it, or null. */
  transaction: TransactionScope | null;
  /** Inside a lock helper's callback, or after a lock was taken in the same function. */
  locked: boolean;
  /** Innermost `try` whose protected block contains the call, or null. */
  tryStatement: TSESTree.TryStatement | null;
  /** Inside a `catch` clause or `finally` block (compensation, logging). */
  inHandler: boolean;
  /** Inside an `if`/`?:`/`&&`/`switch` branch of the root: the branch-deciding node chain, outermost first. */
  branches: readonly TSESTree.Node[];
  /** Inside a loop body of the root. */
  inLoop: boolean;
}
