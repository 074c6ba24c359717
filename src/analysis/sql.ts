/**
 * Just enough SQL to classify a statement: what it does, to which table,
 * whether it locks, whether it is computed by the database, whether it
 * tolerates a conflict, and which isolation level a BEGIN asks for.
 * Every pattern here is linear-time: no nested quantifiers, no overlapping alternations.
 */
import type { IsolationLevel } from './settings.js';

export interface SqlFacts {
  op: 'read' | 'create' | 'update' | 'delete' | 'upsert' | 'transaction' | 'commit' | 'rollback' | 'lock' | 'other';
  table: string | undefined;
  locking: boolean;
  atomic: boolean;
  conflictSafe: boolean;
  /** `ON CONFLICT DO NOTHING`, `INSERT IGNORE`: an existing row is left as it is. */
  keepsExisting: boolean;
  /** The WHERE clause carries more than a key: `AND version = $2`, `AND status = 'pending'`. */
  conditional: boolean;
  isolation: IsolationLevel | undefined;
}

const LEADING = /^\s*(?:\(\s*)?([A-Za-z]+)/;
const FROM_TABLE = /\bFROM\s+["`[]?(\w+)/i;
const INTO_TABLE = /\bINTO\s+["`[]?(\w+)/i;
const UPDATE_TABLE = /^\s*UPDATE\s+(?:ONLY\s+)?["`[]?(\w+)/i;
export const FOR_UPDATE = /\bFOR\s+(?:NO\s+KEY\s+)?UPDATE\b/i;
export const FOR_SHARE = /\bFOR\s+(?:KEY\s+)?SHARE\b|\bLOCK\s+IN\s+SHARE\s+MODE\b/i;
const CONFLICT = /\bON\s+CONFLICT\b|\bON\s+DUPLICATE\s+KEY\b|^\s*INSERT\s+(?:OR\s+)?IGNORE\b|^\s*REPLACE\b|\bMERGE\s+INTO\b/i;
const DO_NOTHING = /\bDO\s+NOTHING\b|^\s*INSERT\s+(?:OR\s+)?IGNORE\b/i;
const ADVISORY = /\bpg_(?:try_)?advisory_(?:xact_)?lock\b|\bGET_LOCK\s*\(|^\s*LOCK\s+TABLE\b/i;
const ISOLATION = /\bISOLATION\s+LEVEL\s+(SERIALIZABLE|REPEATABLE\s+READ|READ\s+COMMITTED|READ\s+UNCOMMITTED)/i;
/** `SET col = col + …` / `col = col - …` inside SET: the database computes the new value. */
const SELF_ARITHMETIC = /\b(\w{1,64})\s{0,8}=\s{0,8}\1\s{0,8}[-+*/|]/;
const WHERE_CLAUSE = /\bWHERE\b([^;]*)/i;
const VERSION_WORD = /\b(?:version|lock_version|lockVersion|updated_at|updatedAt|revision|etag|status|state)\b/i;

export function isolationFromText(text: string): IsolationLevel | undefined {
  const m = ISOLATION.exec(text);
  if (!m) return undefined;
  const level = m[1].toUpperCase().replace(/\s+/g, ' ');
  if (level === 'SERIALIZABLE') return 'serializable';
  if (level === 'REPEATABLE READ') return 'repeatable-read';
  return 'read-committed';
}

const SQL_START = /^\s*(?:\(\s*)?(?:SELECT|INSERT|UPDATE|DELETE|WITH|BEGIN|START|COMMIT|ROLLBACK|SET|LOCK|REPLACE|MERGE|UPSERT)\b/i;

/** True when the text looks like a SQL statement. */
export function looksLikeSql(text: string): boolean {
  return SQL_START.test(text);
}

export function analyzeSql(text: string): SqlFacts {
  const facts: SqlFacts = {
    op: 'other',
    table: undefined,
    locking: false,
    atomic: false,
    conflictSafe: false,
    keepsExisting: false,
    conditional: false,
    isolation: undefined,
  };
  const lead = LEADING.exec(text)?.[1]?.toUpperCase();
  let verb = lead;
  if (lead === 'WITH') {
    // A CTE: the statement's verb is the first top-level DML keyword after it.
    const m = /\)\s*(SELECT|INSERT|UPDATE|DELETE)\b/i.exec(text);
    verb = m ? m[1].toUpperCase() : 'SELECT';
  }
  switch (verb) {
    case 'SELECT':
      if (ADVISORY.test(text)) {
        facts.op = 'lock';
        break;
      }
      facts.op = 'read';
      facts.table = FROM_TABLE.exec(text)?.[1];
      facts.locking = FOR_UPDATE.test(text) || FOR_SHARE.test(text);
      break;
    case 'INSERT':
    case 'REPLACE':
    case 'MERGE':
    case 'UPSERT':
      facts.table = INTO_TABLE.exec(text)?.[1];
      facts.conflictSafe = CONFLICT.test(text) || verb !== 'INSERT';
      facts.op = facts.conflictSafe ? 'upsert' : 'create';
      // `ON CONFLICT DO NOTHING` / `INSERT IGNORE` never overwrite a row; `DO UPDATE SET n = n + 1` is computed in place.
      facts.keepsExisting = facts.conflictSafe && DO_NOTHING.test(text);
      facts.atomic = facts.keepsExisting || (facts.conflictSafe && SELF_ARITHMETIC.test(text.replace(/\bEXCLUDED\./gi, '')));
      break;
    case 'UPDATE': {
      facts.op = 'update';
      facts.table = UPDATE_TABLE.exec(text)?.[1];
      const upper = text.toUpperCase();
      const setAt = upper.indexOf(' SET ');
      const whereAt = upper.indexOf('WHERE', setAt);
      const set = setAt < 0 ? '' : text.slice(setAt, whereAt < 0 ? undefined : whereAt);
      facts.atomic = SELF_ARITHMETIC.test(set);
      const where = WHERE_CLAUSE.exec(text)?.[1] ?? '';
      facts.conditional = /\bAND\b/i.test(where) && VERSION_WORD.test(where);
      break;
    }
    case 'DELETE':
      facts.op = 'delete';
      facts.table = FROM_TABLE.exec(text)?.[1];
      break;
    case 'BEGIN':
    case 'START':
      facts.op = 'transaction';
      facts.isolation = isolationFromText(text) ?? 'default';
      break;
    case 'SET':
      if (/\bTRANSACTION\b/i.test(text)) {
        facts.op = 'other';
        facts.isolation = isolationFromText(text);
      }
      break;
    case 'COMMIT':
    case 'END':
      facts.op = 'commit';
      break;
    case 'ROLLBACK':
      facts.op = 'rollback';
      break;
    case 'LOCK':
      facts.op = 'lock';
      break;
    default:
      break;
  }
  if (facts.table) facts.table = normaliseTarget(facts.table);
  return facts;
}

/** `Users`, `users`, `user`, `userRepository`, `UserModel` → `user`; `invoice_counters` → `invoice_counter`. */
export function normaliseTarget(name: string): string {
  let n = name.replace(/(?:Repository|Repo|Model|Schema|Table|Collection|Entity)$/i, '');
  // Keeps underscores for messages (`invoice_counter`); comparisons ignore them (`sameTarget`).
  n = n.replace(/^(?:tbl_|t_)/i, '').toLowerCase();
  if (n.endsWith('ies') && n.length > 4) n = `${n.slice(0, -3)}y`;
  else if (n.endsWith('ses') || n.endsWith('xes')) n = n.slice(0, -2);
  else if (n.endsWith('s') && !n.endsWith('ss') && n.length > 2) n = n.slice(0, -1);
  return n;
}
