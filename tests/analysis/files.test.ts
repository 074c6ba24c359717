import { minimatch } from 'minimatch';

import { isFileMatched, NON_PRODUCTION_FILE_GLOBS, TEST_FILE_GLOBS, TEST_OR_SEED_GLOBS } from '../../src/analysis/files.js';
import { NOT_SERVING_TRAFFIC_GLOBS } from '../../src/analysis/production.js';

const PATHS = [
  'src/orders/order.service.ts',
  'src/orders/order.service.test.ts',
  'src/orders/order.spec.tsx',
  'src/types.test-d.ts',
  'src/__tests__/orders.ts',
  'test/orders.ts',
  'packages/api/tests/helpers/db.ts',
  'apps/web/e2e/login.ts',
  'src/__mocks__/stripe.ts',
  'src/stripe.mock.ts',
  'src/__fixtures__/order.json.ts',
  'src/Button.stories.tsx',
  '.storybook/preview.ts',
  'prisma/seed.ts',
  'db/seeds/users.ts',
  'vite.config.ts',
  'knexfile.js',
  'config/development.ts',
  'src/config/database.config.ts',
  'scripts/backfill.ts',
  'examples/checkout.ts',
  'src/db/migrations/001_init.ts',
  'src/users/user.factory.ts',
  'src/TESTS/Upper.ts',
  'src/testing-library.ts',
  'src/contest/entry.ts',
  'src/latest/index.ts',
  'src/scriptsRunner.ts',
  'src/tests',
  'TEST/x.ts',
  'src/foo.SPEC.ts',
  'src/config/dev.ts',
  'src/config/dev/x.ts',
  'apps/web/.storybook/main.ts',
  'tools/bench/run.ts',
  'src/payments/stripe.fixture.ts',
  'benchmarks/x.ts',
  'src/examples/a/b.ts',
  'CONFIG/Dev.ts',
  'config/test.json.ts',
  'src/config/production.ts',
  'app/config/local/x.ts',
  'config.dev.ts',
  'src/app.e2e-spec.ts',
  'src/checkout.e2e.ts',
  'src/fixture/order.ts',
  'src/e2e-helpers.ts',
  'app/api/mock/rewardful/affiliates/route.ts',
  'src/mockingbird.ts',
];

/** The linted file as a rule context sees it, relative to the working directory. */
function contextFor(file: string) {
  return { filename: `/repo/${file}`, cwd: '/repo' } as Parameters<typeof isFileMatched>[0];
}

describe('isFileMatched', () => {
  for (const [name, globs] of [
    ['tests', TEST_FILE_GLOBS],
    ['non-production', NON_PRODUCTION_FILE_GLOBS],
    ['tests or seeds', TEST_OR_SEED_GLOBS],
    ['not serving traffic', NOT_SERVING_TRAFFIC_GLOBS],
  ] as const) {
    it(`agrees with minimatch on every path for the ${name} list`, () => {
      for (const file of PATHS) {
        const expected = globs.some((g) => minimatch(file, g, { dot: true, nocase: true }));
        expect([file, isFileMatched(contextFor(file), globs)]).toEqual([file, expected]);
      }
    });
  }

  it('counts end-to-end specs and fixture folders as tests, seeds and factories as tests or seeds', () => {
    for (const file of ['src/app.e2e-spec.ts', 'src/checkout.e2e.ts', 'src/fixture/order.ts']) expect([file, isFileMatched(contextFor(file), TEST_FILE_GLOBS)]).toEqual([file, true]);
    expect(isFileMatched(contextFor('src/e2e-helpers.ts'), TEST_FILE_GLOBS)).toBe(false);
    // A mock API's folder, named in the singular like `mocks/`.
    expect(isFileMatched(contextFor('app/api/mock/rewardful/affiliates/route.ts'), TEST_FILE_GLOBS)).toBe(true);
    expect(isFileMatched(contextFor('src/mockingbird.ts'), TEST_FILE_GLOBS)).toBe(false);
    for (const file of ['prisma/seed.ts', 'db/seeds/users.ts', 'src/factories/user.ts']) {
      expect([file, isFileMatched(contextFor(file), TEST_FILE_GLOBS), isFileMatched(contextFor(file), TEST_OR_SEED_GLOBS)]).toEqual([file, false, true]);
    }
    expect(isFileMatched(contextFor('scripts/backfill.ts'), TEST_OR_SEED_GLOBS)).toBe(false);
    // Seeds and factories hold development values too: the non-production list takes the same seed list.
    for (const file of ['prisma/seed/users.ts', 'src/factories/user.ts', 'test/factory.ts']) expect([file, isFileMatched(contextFor(file), NON_PRODUCTION_FILE_GLOBS)]).toEqual([file, true]);
  });

  it('agrees with minimatch on brace folders and files in a named folder from a project list', () => {
    const globs = ['**/{legacy,old}/**', '**/generated/*.{ts,js}', 'src/**/*.gen.ts'];
    for (const file of [...PATHS, 'src/legacy/a.ts', 'old/b.ts', 'src/generated/client.ts', 'generated/x.js', 'generated/sub/x.ts', 'src/a/b.gen.ts', 'lib/a.gen.ts']) {
      const expected = globs.some((g) => minimatch(file, g, { dot: true, nocase: true }));
      expect([file, isFileMatched(contextFor(file), globs)]).toEqual([file, expected]);
    }
  });

  it('matches a project list passed as options, and the empty list matches nothing', () => {
    expect(isFileMatched(contextFor('src/legacy/old.ts'), ['src/legacy/**'])).toBe(true);
    expect(isFileMatched(contextFor('src/current/new.ts'), ['src/legacy/**'])).toBe(false);
    expect(isFileMatched(contextFor('src/legacy/old.ts'), [])).toBe(false);
  });

  it('never matches text linted without a file name', () => {
    expect(isFileMatched({ filename: '<input>', cwd: '/repo' } as Parameters<typeof isFileMatched>[0], TEST_FILE_GLOBS)).toBe(false);
  });

  it('knows the usual test and non-production files', () => {
    expect(isFileMatched(contextFor('src/orders/order.service.test.ts'), TEST_FILE_GLOBS)).toBe(true);
    expect(isFileMatched(contextFor('src/orders/order.service.ts'), TEST_FILE_GLOBS)).toBe(false);
    expect(isFileMatched(contextFor('prisma/seed.ts'), NON_PRODUCTION_FILE_GLOBS)).toBe(true);
    expect(isFileMatched(contextFor('src/config/database.config.ts'), NON_PRODUCTION_FILE_GLOBS)).toBe(false);
  });
});

describe('isFileMatched with unusual globs', () => {
  it('treats an empty glob as matching nothing and keeps the others working', () => {
    expect(isFileMatched(contextFor('src/legacy/old.ts'), ['', 'src/legacy/**'])).toBe(true);
    expect(isFileMatched(contextFor('src/other.ts'), ['', '[', '{'])).toBe(false);
  });
});
