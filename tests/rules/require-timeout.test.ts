import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';

import rule, { type MessageId, type Options } from '../../src/rules/require-timeout.js';

const ruleTester = new RuleTester({ languageOptions: { parser: tsParser } });

// The rule tester ships its own copy of @typescript-eslint/utils, so the rule's type is cast; cases stay typed.
ruleTester.run<MessageId, Options>('require-timeout', rule as never, {
  valid: [
    // fetch with an abort signal
    `async function f(url: string) { return fetch(url, { signal: AbortSignal.timeout(5000) }); }`,
    // AbortSignal.any combining the caller's signal with a deadline
    `async function f(url: string, signal: AbortSignal) {
  return fetch(url, { method: 'POST', signal: AbortSignal.any([signal, AbortSignal.timeout(3000)]) });
}`,
    // options built in a const that carries the signal
    `const init = { signal: AbortSignal.timeout(2000) };
async function f(url: string) { return fetch(url, init); }`,
    // options from elsewhere: cannot tell, stay silent
    `async function f(url: string, init: RequestInit) { return fetch(url, init); }`,
    `async function f(url: string, opts: object) { return fetch(url, { ...opts, method: 'POST' }); }`,
    // a local function called fetch is not the network
    `function fetch(key: string) { return cache.get(key); }
async function f() { return fetch('user:1'); }`,
    // axios: per-request timeout in the config argument, right position for post
    `import axios from 'axios';
async function f(url: string) { return axios.post(url, { a: 1 }, { timeout: 5000 }); }`,
    // a GET through an instance created with a timeout
    `import axios from 'axios';
const crm = axios.create({ baseURL: 'https://crm.example.com', timeout: 8000 });
async function f(id: string) { return crm.get(\`/contacts/\${id}\`); }`,
    // axios.defaults.timeout set in the file
    `import axios from 'axios';
axios.defaults.timeout = 10_000;
async function f(url: string) { return axios.get(url); }`,
    // instance defaults set after creation
    `import axios from 'axios';
const api = axios.create({ baseURL: '/v1' });
api.defaults.timeout = 4000;
async function f() { return api.delete('/sessions/1'); }`,
    // an AxiosInstance handed in: its creation is elsewhere
    `import type { AxiosInstance } from 'axios';
async function f(http: AxiosInstance) { return http.get('/health'); }`,
    // got with a request timeout, and an extended client that has one
    `import got from 'got';
const client = got.extend({ prefixUrl: 'https://api.example.com', timeout: { request: 10000 } });
async function f() {
  await got.post('https://hooks.example.com', { json: {}, timeout: { request: 3000 } });
  return client.get('items').json();
}`,
    // ky has a 10 s timeout unless turned off
    `import ky from 'ky';
async function f() { return ky.post('https://api.example.com/events', { json: {} }).json(); }`,
    // superagent with a chained timeout
    `import superagent from 'superagent';
async function f() { return superagent.post('https://x.example.com').send({ a: 1 }).timeout({ response: 5000, deadline: 10000 }); }`,
    // node:https with timeout option, and with req.setTimeout
    `import https from 'node:https';
function f() {
  https.get('https://x.example.com', { timeout: 5000 }, () => {});
  const req = https.request('https://x.example.com', { method: 'POST' });
  req.setTimeout(5000, () => req.destroy());
}`,
    // undici request with header/body timeouts
    `import { request } from 'undici';
async function f() { return request('https://x.example.com', { method: 'POST', headersTimeout: 5000, bodyTimeout: 5000 }); }`,
    // SDK clients have their own defaults (Stripe 80 s) and are not HTTP clients here
    `import Stripe from 'stripe';
const stripe = new Stripe(key);
async function f() { return stripe.customers.create({ email: 'a@b.c' }); }`,
    // an exported client created with a timeout
    `import axios from 'axios';
export const billing = axios.create({ baseURL: 'https://billing.example.com', timeout: 5000 });`,
    // fetch of a Request object: the request carries its own signal
    `async function f(url: string) {
  const req = new Request(url, { signal: AbortSignal.timeout(1000) });
  return fetch(req);
}`,
    // a registered HTTP client created with a timeout somewhere in its config
    {
      code: `import { PartnerClient } from '@acme/partner-sdk';
const partner = new PartnerClient({ apiKey: process.env.PARTNER_KEY, http: { requestTimeoutMs: 5000 } });
async function f(id: string) { return partner.post(\`/orders/\${id}\`, {}); }`,
      settings: { prodguard: { clients: { partner: 'http' } } },
    },
    // a registered HTTP client whose creation is not in this file
    {
      code: `import { partner } from './partner';
async function f(id: string) { return partner.post(\`/orders/\${id}\`, {}); }`,
      settings: { prodguard: { clients: { partner: 'http' } } },
    },
    // test files are left alone
    {
      code: `it('fetches', async () => { await fetch('http://localhost:3000/health'); });`,
      filename: 'src/__tests__/health.test.ts',
    },
    // browser code: a 'use client' module, and a same-origin path only a browser can fetch
    {
      code: `'use client';
export function Like({ id }: { id: string }) {
  return <button onClick={() => fetch(\`https://api.example.com/likes/\${id}\`, { method: 'POST' })}>Like</button>;
}`,
      filename: 'app/like.tsx',
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    `export async function loadLikes() { return (await fetch('/api/likes')).json(); }`,
    // browser code by the DOM types it names: an editor plugin's paste handler
    `import { Plugin } from 'prosemirror-state';
export const pastePlugin = new Plugin({
  props: {
    handleDOMEvents: {
      paste(view, event: ClipboardEvent) {
        const src = event.clipboardData?.getData('text/uri-list');
        if (src) void fetch(src).then((response) => response.blob());
        return false;
      },
    },
  },
});`,
    // browser code by its imports: a client-side store, and a module of React hooks
    `import { create } from 'zustand';
const store = create(() => ({ latest: null }));
export async function checkVersion(current: string) {
  const data = await fetch(\`https://api.example.com/updates?v=\${current}\`).then((res) => res.json());
  store.setState({ latest: data.version });
}`,
    `import { useEffect, useState } from 'react';
export function useRates(currency: string) {
  const [rates, setRates] = useState(null);
  useEffect(() => { fetch(\`https://rates.example.com/\${currency}\`).then((r) => r.json()).then(setRates); }, [currency]);
  return rates;
}`,
    // the same hooks read off React itself, by a default or a namespace import
    `import React from 'react';
export function useRates(currency: string) {
  const [rates, setRates] = React.useState(null);
  React.useEffect(() => { fetch(\`https://rates.example.com/\${currency}\`).then((r) => r.json()).then(setRates); }, [currency]);
  return rates;
}`,
    `import * as React from 'react';
export function useStatus() {
  const ref = React.useRef(false);
  fetch('https://status.example.com/ping').then(() => { ref.current = true; });
  return ref;
}`,
    // ... and the component beside it, handed to a validator first, still runs in the browser
    `import { useEffect } from 'react';
import { createServerFn } from '@tanstack/react-start';
async function saveNote(input: { data: string }) {
  const res = await fetch('https://notes.example.com', { method: 'POST', body: input.data, signal: AbortSignal.timeout(5000) });
  return res.ok;
}
export const save = createServerFn({ method: 'POST' }).validator((d: string) => d).handler(saveNote);
export function Notes() {
  useEffect(() => { fetch('https://status.example.com/ping'); }, []);
  return null;
}`,
    // a Next.js page's component still runs in the browser beside its getServerSideProps
    `import { useEffect } from 'react';
export default function Status() {
  useEffect(() => { fetch('https://status.example.com/ping'); }, []);
  return null;
}
export async function getServerSideProps() {
  return { props: {} };
}`,
    // raced against a timer, or wrapped in a timeout helper
    `async function f(url: string) {
  const res = await Promise.race([fetch(url), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000))]);
  return withTimeout(fetch(url).then((r) => r.json()), 3000);
}`,
    // the project sets axios.defaults.timeout at startup, in another module
    {
      code: `import axios from 'axios';
async function f(url: string) { return axios.get(url); }`,
      options: [{ axiosDefaultsSet: true }],
    },
  ],
  invalid: [
    // a Next.js page imports React's hooks for its component, but getServerSideProps runs on the server
    {
      code: `import { useState } from 'react';
export default function Profile({ user }: { user: { name: string } }) {
  const [open, setOpen] = useState(false);
  return null;
}
export async function getServerSideProps() {
  const res = await fetch('https://api.example.com/me');
  return { props: { user: await res.json() } };
}`,
      errors: [
        {
          messageId: 'noTimeout',
          line: 7,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `import { useState } from 'react';
export default function Profile({ user }: { user: { name: string } }) {
  const [open, setOpen] = useState(false);
  return null;
}
export async function getServerSideProps() {
  const res = await fetch('https://api.example.com/me', { signal: AbortSignal.timeout(10_000) });
  return { props: { user: await res.json() } };
}`,
            },
          ],
        },
      ],
    },
    // a TanStack Start server function runs on the server, beside a component that uses hooks
    {
      code: `import { useState } from 'react';
import { createServerFn } from '@tanstack/react-start';
export const getRates = createServerFn({ method: 'GET' }).handler(async () => {
  const res = await fetch('https://rates.example.com/latest');
  return res.json();
});
export function Rates() {
  const [open, setOpen] = useState(false);
  return null;
}`,
      errors: [
        {
          messageId: 'noTimeout',
          line: 4,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `import { useState } from 'react';
import { createServerFn } from '@tanstack/react-start';
export const getRates = createServerFn({ method: 'GET' }).handler(async () => {
  const res = await fetch('https://rates.example.com/latest', { signal: AbortSignal.timeout(10_000) });
  return res.json();
});
export function Rates() {
  const [open, setOpen] = useState(false);
  return null;
}`,
            },
          ],
        },
      ],
    },
    // the same with the handler given by name, after a validator
    {
      code: `import { useState } from 'react';
import { createServerFn } from '@tanstack/react-start';
async function saveNote(input: { data: string }) {
  return fetch('https://notes.example.com', { method: 'POST', body: input.data });
}
export const save = createServerFn({ method: 'POST' }).validator((d: string) => d).handler(saveNote);
export function Notes() {
  const [text, setText] = useState('');
  return null;
}`,
      errors: [
        {
          messageId: 'noTimeout',
          line: 4,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `import { useState } from 'react';
import { createServerFn } from '@tanstack/react-start';
async function saveNote(input: { data: string }) {
  return fetch('https://notes.example.com', { signal: AbortSignal.timeout(10_000), method: 'POST', body: input.data });
}
export const save = createServerFn({ method: 'POST' }).validator((d: string) => d).handler(saveNote);
export function Notes() {
  const [text, setText] = useState('');
  return null;
}`,
            },
          ],
        },
      ],
    },
    // `fetch` spelled with a unicode escape is still fetch
    {
      code: `export async function latest() {
  const res = await f\\u0065tch('https://rates.example.com/latest');
  return res.json();
}`,
      errors: [
        {
          messageId: 'noTimeout',
          line: 2,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `export async function latest() {
  const res = await f\\u0065tch('https://rates.example.com/latest', { signal: AbortSignal.timeout(10_000) });
  return res.json();
}`,
            },
          ],
        },
      ],
    },
    // the server function's factory spelled with a unicode escape is still found
    {
      code: `import { useState } from 'react';
import { cr\\u0065ateServerFn } from '@tanstack/react-start';
export const ping = cr\\u0065ateServerFn().handler(async () => fetch('https://status.example.com/ping'));
export function Status() {
  const [ok, setOk] = useState(false);
  return null;
}`,
      errors: [
        {
          messageId: 'noTimeout',
          line: 3,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `import { useState } from 'react';
import { cr\\u0065ateServerFn } from '@tanstack/react-start';
export const ping = cr\\u0065ateServerFn().handler(async () => fetch('https://status.example.com/ping', { signal: AbortSignal.timeout(10_000) }));
export function Status() {
  const [ok, setOk] = useState(false);
  return null;
}`,
            },
          ],
        },
      ],
    },
    // React's `cache` runs on the server: a module that reads it off React is not browser code
    {
      code: `import React from 'react';
export const getPlans = React.cache(async () => {
  const res = await fetch('https://billing.example.com/plans');
  return res.json();
});`,
      errors: [
        {
          messageId: 'noTimeout',
          line: 3,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `import React from 'react';
export const getPlans = React.cache(async () => {
  const res = await fetch('https://billing.example.com/plans', { signal: AbortSignal.timeout(10_000) });
  return res.json();
});`,
            },
          ],
        },
      ],
    },
    // the same for a Remix route's loader, exported by name
    {
      code: `import { useEffect } from 'react';
const loader = async () => {
  const res = await fetch('https://api.example.com/items');
  return res.json();
};
export { loader };
export default function Items() {
  useEffect(() => {}, []);
  return null;
}`,
      errors: [
        {
          messageId: 'noTimeout',
          line: 3,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `import { useEffect } from 'react';
const loader = async () => {
  const res = await fetch('https://api.example.com/items', { signal: AbortSignal.timeout(10_000) });
  return res.json();
};
export { loader };
export default function Items() {
  useEffect(() => {}, []);
  return null;
}`,
            },
          ],
        },
      ],
    },
    // a server component's data loader: React's cache and the server renderer do not make it browser code
    {
      code: `import { cache } from 'react';
import { renderToString } from 'react-dom/server';
export const getRates = cache(async (currency: string) => (await fetch(\`https://rates.example.com/\${currency}\`)).json());`,
      errors: [
        {
          messageId: 'noTimeout',
          line: 3,
          suggestions: [
            {
              messageId: 'addSignal',
              output: `import { cache } from 'react';
import { renderToString } from 'react-dom/server';
export const getRates = cache(async (currency: string) => (await fetch(\`https://rates.example.com/\${currency}\`, { signal: AbortSignal.timeout(10_000) })).json());`,
            },
          ],
        },
      ],
    },
    {
      code: `async function f(url: string) {
  const res = await fetch(url);
  return res.json();
}`,
      errors: [
        {
          messageId: 'noTimeout',
          line: 2,
          column: 21,
          endColumn: 26,
          data: { label: 'fetch', fix: 'Pass `signal: AbortSignal.timeout(ms)`.' },
          suggestions: [
            {
              messageId: 'addSignal',
              output: `async function f(url: string) {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  return res.json();
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function notify(url: string, body: string) {
  await fetch(url, { method: 'POST', body });
}`,
      errors: [
        {
          messageId: 'noTimeout',
          line: 2,
          column: 9,
          data: { label: 'fetch', fix: 'Pass `signal: AbortSignal.timeout(ms)`.' },
          suggestions: [
            {
              messageId: 'addSignal',
              output: `async function notify(url: string, body: string) {
  await fetch(url, { signal: AbortSignal.timeout(10_000), method: 'POST', body });
}`,
            },
          ],
        },
      ],
    },
    {
      // fetch ignores a timeout option
      code: `async function f(url: string) {
  return fetch(url, { timeout: 5000 });
}`,
      errors: [
        {
          messageId: 'fetchTimeoutIgnored',
          line: 2,
          column: 23,
          endColumn: 36,
          data: { label: 'fetch' },
          suggestions: [
            {
              messageId: 'useSignal',
              output: `async function f(url: string) {
  return fetch(url, { signal: AbortSignal.timeout(5000) });
}`,
            },
          ],
        },
      ],
    },
    {
      // config in the second argument of axios.post is the body, not the config
      code: `import axios from 'axios';
async function f(url: string) {
  return axios.post(url, { timeout: 5000 });
}`,
      errors: [
        {
          messageId: 'noTimeout',
          line: 3,
          column: 10,
          endColumn: 20,
          data: { label: 'axios.post', fix: 'Set `timeout` (milliseconds) in the request config or on the instance.' },
          suggestions: [
            {
              messageId: 'addTimeout',
              data: { code: 'timeout: 10_000' },
              output: `import axios from 'axios';
async function f(url: string) {
  return axios.post(url, { timeout: 5000 }, { timeout: 10_000 });
}`,
            },
          ],
        },
      ],
    },
    {
      // axios.post without data: the suggestion fills the data position
      code: `import axios from 'axios';
async function ping(url: string) {
  await axios.post(url);
}`,
      errors: [
        {
          messageId: 'noTimeout',
          line: 3,
          column: 9,
          data: { label: 'axios.post', fix: 'Set `timeout` (milliseconds) in the request config or on the instance.' },
          suggestions: [
            {
              messageId: 'addTimeout',
              data: { code: 'timeout: 10_000' },
              output: `import axios from 'axios';
async function ping(url: string) {
  await axios.post(url, undefined, { timeout: 10_000 });
}`,
            },
          ],
        },
      ],
    },
    {
      // timeout: 0 means none in axios
      code: `import axios from 'axios';
async function f(url: string) {
  return axios.get(url, { timeout: 0 });
}`,
      errors: [
        {
          messageId: 'timeoutDisabled',
          line: 3,
          column: 27,
          data: { setting: 'timeout: 0', label: 'axios.get' },
          suggestions: [
            {
              messageId: 'setTimeout',
              data: { code: 'timeout: 10_000' },
              output: `import axios from 'axios';
async function f(url: string) {
  return axios.get(url, { timeout: 10_000 });
}`,
            },
          ],
        },
      ],
    },
    {
      // with axiosDefaultsSet, a request that turns the timeout off is still reported
      code: `import axios from 'axios';
async function f(url: string) {
  return axios.post(url, {}, { timeout: 0 });
}`,
      options: [{ axiosDefaultsSet: true }],
      errors: [
        {
          messageId: 'timeoutDisabled',
          line: 3,
          column: 32,
          data: { setting: 'timeout: 0', label: 'axios.post' },
          suggestions: [
            {
              messageId: 'setTimeout',
              data: { code: 'timeout: 10_000' },
              output: `import axios from 'axios';
async function f(url: string) {
  return axios.post(url, {}, { timeout: 10_000 });
}`,
            },
          ],
        },
      ],
    },
    {
      // axios(config) call form
      code: `import axios from 'axios';
async function f(url: string) {
  return axios({ method: 'put', url, data: {} });
}`,
      errors: [
        {
          messageId: 'noTimeout',
          line: 3,
          column: 10,
          data: { label: 'axios', fix: 'Set `timeout` (milliseconds) in the request config or on the instance.' },
          suggestions: [
            {
              messageId: 'addTimeout',
              data: { code: 'timeout: 10_000' },
              output: `import axios from 'axios';
async function f(url: string) {
  return axios({ timeout: 10_000, method: 'put', url, data: {} });
}`,
            },
          ],
        },
      ],
    },
    {
      // an instance created without a timeout
      code: `import axios from 'axios';
const crm = axios.create({ baseURL: 'https://crm.example.com' });
async function f(id: string) {
  return crm.patch(\`/contacts/\${id}\`, { status: 'hired' });
}`,
      errors: [
        {
          messageId: 'instanceWithoutTimeout',
          line: 4,
          column: 10,
          data: { label: 'crm.patch', instance: 'crm', line: '2', factory: 'axios.create' },
          suggestions: [
            {
              messageId: 'addTimeout',
              data: { code: 'timeout: 10_000' },
              output: `import axios from 'axios';
const crm = axios.create({ timeout: 10_000, baseURL: 'https://crm.example.com' });
async function f(id: string) {
  return crm.patch(\`/contacts/\${id}\`, { status: 'hired' });
}`,
            },
          ],
        },
      ],
    },
    {
      // an exported client without a timeout is reported where it is created
      code: `import axios from 'axios';
export const billing = axios.create({ baseURL: 'https://billing.example.com' });
export async function f() {
  return billing.get('/invoices');
}`,
      errors: [
        {
          messageId: 'clientWithoutTimeout',
          line: 2,
          column: 24,
          data: { factory: 'axios.create', code: 'timeout: 10_000' },
          suggestions: [
            {
              messageId: 'addTimeout',
              data: { code: 'timeout: 10_000' },
              output: `import axios from 'axios';
export const billing = axios.create({ timeout: 10_000, baseURL: 'https://billing.example.com' });
export async function f() {
  return billing.get('/invoices');
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import got from 'got';
async function f() {
  return got.post('https://hooks.example.com/deploy', { json: { ref: 'main' } }).json();
}`,
      errors: [
        {
          messageId: 'noTimeout',
          line: 3,
          column: 10,
          data: { label: 'got.post', fix: 'Set `timeout: { request: ms }`.' },
          suggestions: [
            {
              messageId: 'addTimeout',
              data: { code: 'timeout: { request: 10_000 }' },
              output: `import got from 'got';
async function f() {
  return got.post('https://hooks.example.com/deploy', { timeout: { request: 10_000 }, json: { ref: 'main' } }).json();
}`,
            },
          ],
        },
      ],
    },
    {
      // ky with its default timeout turned off on the instance
      code: `import ky from 'ky';
const api = ky.create({ prefixUrl: 'https://api.example.com', timeout: false });
async function f() {
  return api.get('reports').json();
}`,
      errors: [
        {
          messageId: 'timeoutDisabled',
          line: 4,
          column: 10,
          data: { setting: 'timeout: false', label: 'api.get' },
          suggestions: [
            {
              messageId: 'setTimeout',
              data: { code: 'timeout: 10_000' },
              output: `import ky from 'ky';
const api = ky.create({ prefixUrl: 'https://api.example.com', timeout: 10_000 });
async function f() {
  return api.get('reports').json();
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import superagent from 'superagent';
async function f(body: object) {
  return superagent.post('https://partner.example.com/orders').send(body);
}`,
      errors: [
        {
          messageId: 'noTimeout',
          line: 3,
          column: 10,
          data: { label: 'superagent.post', fix: 'Chain `.timeout(ms)`.' },
          suggestions: [
            {
              messageId: 'addTimeout',
              data: { code: '.timeout(10_000)' },
              output: `import superagent from 'superagent';
async function f(body: object) {
  return superagent.post('https://partner.example.com/orders').timeout(10_000).send(body);
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import https from 'node:https';
function f(cb: () => void) {
  https.get('https://status.example.com', cb);
}`,
      errors: [
        {
          messageId: 'noTimeout',
          line: 3,
          column: 3,
          data: { label: 'https.get', fix: 'Pass `signal: AbortSignal.timeout(ms)` or call `req.setTimeout(ms, …)` and destroy the request.' },
          suggestions: [
            {
              messageId: 'addSignal',
              output: `import https from 'node:https';
function f(cb: () => void) {
  https.get('https://status.example.com', { signal: AbortSignal.timeout(10_000) }, cb);
}`,
            },
          ],
        },
      ],
    },
    {
      // an SDK the project registered as an HTTP client, created here without a timeout
      code: `import { PartnerClient } from '@acme/partner-sdk';
const partner = new PartnerClient({ apiKey: process.env.PARTNER_KEY });
async function f(id: string) {
  return partner.post(\`/orders/\${id}\`, { status: 'paid' });
}`,
      settings: { prodguard: { clients: { '@acme/partner-sdk': 'http' } } },
      errors: [{ messageId: 'instanceWithoutTimeout', line: 4, column: 10, data: { label: 'partner.post', instance: 'partner', line: '2', factory: 'PartnerClient' } }],
    },
    {
      code: `import { request } from 'undici';
async function f() {
  return request('https://x.example.com', { method: 'POST' });
}`,
      errors: [
        {
          messageId: 'noTimeout',
          line: 3,
          column: 10,
          data: { label: 'request', fix: 'Pass `signal: AbortSignal.timeout(ms)` or `headersTimeout`/`bodyTimeout`.' },
          suggestions: [
            {
              messageId: 'addSignal',
              output: `import { request } from 'undici';
async function f() {
  return request('https://x.example.com', { signal: AbortSignal.timeout(10_000), method: 'POST' });
}`,
            },
          ],
        },
      ],
    },
  ],
});
