import type { ProdguardRule } from '../util/create-rule.js';

import noCheckThenCreate from './no-check-then-create.js';
import noExternalCallInTransaction from './no-external-call-in-transaction.js';
import noFloatingEffect from './no-floating-effect.js';
import noHardcodedConfig from './no-hardcoded-config.js';
import noHardcodedSecrets from './no-hardcoded-secrets.js';
import noLostUpdate from './no-lost-update.js';
import noMassAssignment from './no-mass-assignment.js';
import noSharedStateRace from './no-shared-state-race.js';
import noSwallowedErrors from './no-swallowed-errors.js';
import noTransactionBypass from './no-transaction-bypass.js';
import noUnguardedDualWrite from './no-unguarded-dual-write.js';
import requireCrossFieldValidation from './require-cross-field-validation.js';
import requireIdempotencyKey from './require-idempotency-key.js';
import requireInputValidation from './require-input-validation.js';
import requireTimeout from './require-timeout.js';
import requireTransaction from './require-transaction.js';

/** Every rule, by ID. The file name under src/rules/ is the rule ID. */
export const rules: Record<string, ProdguardRule> = {
  'no-check-then-create': noCheckThenCreate,
  'no-external-call-in-transaction': noExternalCallInTransaction,
  'no-floating-effect': noFloatingEffect,
  'no-hardcoded-config': noHardcodedConfig,
  'no-hardcoded-secrets': noHardcodedSecrets,
  'no-lost-update': noLostUpdate,
  'no-mass-assignment': noMassAssignment,
  'no-shared-state-race': noSharedStateRace,
  'no-swallowed-errors': noSwallowedErrors,
  'no-transaction-bypass': noTransactionBypass,
  'no-unguarded-dual-write': noUnguardedDualWrite,
  'require-cross-field-validation': requireCrossFieldValidation,
  'require-idempotency-key': requireIdempotencyKey,
  'require-input-validation': requireInputValidation,
  'require-timeout': requireTimeout,
  'require-transaction': requireTransaction,
};
