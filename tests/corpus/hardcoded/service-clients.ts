// @corpus-rules no-hardcoded-secrets, no-hardcoded-config
/* eslint prodguard/no-hardcoded-secrets: ["error", { "ignoreFiles": [] }], prodguard/no-hardcoded-config: ["error", { "ignoreFiles": [] }] -- this folder models production code, so the test-folder exemption is off */
import { S3Client } from '@aws-sdk/client-s3';
import Anthropic from '@anthropic-ai/sdk';
import sgMail from '@sendgrid/mail';
import { WebClient } from '@slack/web-api';
import { Octokit } from '@octokit/rest';
import axios from 'axios';
import nodemailer from 'nodemailer';
import OpenAI from 'openai';
import Stripe from 'stripe';
import twilio from 'twilio';

// @expect no-hardcoded-secrets
export function createStripeClient() {
  return new Stripe('sk_live_51NzQx8Hb3kLmN0pQrStUvWxYz12abcDEF', { apiVersion: '2024-06-20' });
}

// @expect none
export function createStripeClientFromEnv() {
  const key = process.env.STRIPE_SECRET_KEY;
  if (!key) throw new Error('STRIPE_SECRET_KEY is not set');
  return new Stripe(key, { apiVersion: '2024-06-20', timeout: 20_000 });
}

// @expect no-hardcoded-config
export function createStripeClientFromTutorial() {
  return new Stripe('YOUR_STRIPE_SECRET_KEY', { apiVersion: '2024-06-20' });
}

// @expect none
export async function createCheckoutSession(customerEmail: string, stripe: Stripe) {
  return stripe.checkout.sessions.create({
    mode: 'subscription',
    customer_email: customerEmail,
    line_items: [{ price: 'price_1NzQx8Hb3kLmN0pQrStUvWx', quantity: 1 }],
    success_url: `${process.env.APP_URL}/billing/success`,
    cancel_url: `${process.env.APP_URL}/billing`,
  });
}

// @expect none
export function publishableKeyForBrowser() {
  return { stripePublishableKey: 'pk_live_51NzQx8Hb3kLmN0pQrStUvWxYz12abcDEF' };
}

// @expect no-hardcoded-secrets
export function createOpenAIClient() {
  return new OpenAI({ apiKey: 'sk-proj-Rk2Lm9Qx4Rt7Vw1Zb3Cd6Fg0Hj5Kl8MnT3Blb', timeout: 30_000 });
}

// @expect none
export function createOpenAIClientFromEnv() {
  return new OpenAI({ apiKey: process.env.OPENAI_API_KEY, timeout: 30_000 });
}

// @expect no-hardcoded-secrets
export function createAnthropicClient() {
  return new Anthropic({ apiKey: 'sk-ant-api03-Qx4Rt7Vw1Zb3Cd6Fg0Hj5Kl8MnPqRsTu-x9' });
}

// @expect no-hardcoded-secrets
export function createUploadsBucketClient() {
  return new S3Client({
    region: 'eu-west-1',
    credentials: {
      accessKeyId: 'AKIA4QH7RZ2LMXK9TB3W',
      secretAccessKey: 'q8Wm2Lx9Tr4Vb7Nc1Zs6Kd3F/h5Jp0Gy2Ua8Ei4O',
    },
  });
}

// @expect none
export function createUploadsBucketClientWithRole() {
  // Credentials come from the task role; the docs' sample key stays in the README.
  const docsSample = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE' };
  void docsSample;
  return new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-1' });
}

// @expect no-hardcoded-secrets
export async function postDeployNotice(version: string) {
  await fetch('https://hooks.slack.com/services/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', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: `Deployed ${version}` }),
    signal: AbortSignal.timeout(5_000),
  });
}

// @expect none
export async function postDeployNoticeFromEnv(version: string) {
  const url = process.env.SLACK_DEPLOY_WEBHOOK_URL;
  if (!url) return;
  await fetch(url, { method: 'POST', body: JSON.stringify({ text: `Deployed ${version}` }), signal: AbortSignal.timeout(5_000) });
}

// @expect no-hardcoded-secrets
export function createSlackBot() {
  return new WebClient('xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy');
}

// @expect no-hardcoded-secrets
export function createGithubClient() {
  return new Octokit({ auth: 'ghp_4kT9bQ2mXz7LrV1cN8sW3pY6hJ0dF5gA2eKu', userAgent: 'release-bot' });
}

// @expect no-hardcoded-secrets
export function configureSendgrid() {
  sgMail.setApiKey('SG.Xk2Lm9Qx4Rt7Vw1Zb3Cd6e.Fg0Hj5Kl8MnPqRsTuVwXy2Lm9Qx4Rt7Vw1Zb3Cd6Fg0Hj5K');
}

// @expect no-hardcoded-config
export async function sendWelcomeEmail(to: string, name: string) {
  await sgMail.send({ to, from: 'noreply@example.com', subject: 'Welcome', html: `<p>Hi ${name}</p>` });
}

// @expect none
export async function sendReceipt(to: string, html: string) {
  await sgMail.send({ to, from: process.env.MAIL_FROM ?? 'receipts@acme-shop.com', subject: 'Your receipt', html });
}

// @expect no-hardcoded-secrets
export function createSmsClient() {
  return twilio('AC3f9a2c7e1b8d4f6a0c5e9b2d7f1a3c8e', '7c1e4b9a2f8d3c6e0a5b9d2f7e1c4a8b');
}

// @expect no-hardcoded-secrets
export function createMailTransport() {
  return nodemailer.createTransport({
    host: 'smtp.mailgun.org',
    port: 587,
    auth: { user: 'postmaster@mg.acme-shop.com', pass: 'f3e1c9a7b5d2-9c8b7a6d-mg' },
  });
}

// @expect none
export function createMailTransportFromEnv() {
  return nodemailer.createTransport({
    host: process.env.SMTP_HOST,
    port: Number(process.env.SMTP_PORT ?? 587),
    auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },
  });
}

// @expect no-hardcoded-config
export function createMailgunClient() {
  return axios.create({
    baseURL: 'https://api.mailgun.net/v3',
    auth: { username: 'api', password: 'your-mailgun-api-key' },
    timeout: 10_000,
  });
}

// @expect none
export function createStripeHttpClient() {
  return axios.create({
    baseURL: 'https://api.stripe.com/v1',
    headers: { Authorization: `Bearer ${process.env.STRIPE_SECRET_KEY}` },
    timeout: 10_000,
  });
}

// @expect no-hardcoded-config
export function createInternalApiClient() {
  return axios.create({ baseURL: 'http://localhost:4000/api', timeout: 5_000 });
}

// @expect no-hardcoded-config
export function createOrdersApiClient() {
  return axios.create({ baseURL: 'https://api.acme-shop.com/v2', timeout: 5_000 });
}

// @expect none
export function createOrdersApiClientFromEnv() {
  const baseURL = process.env.ORDERS_API_URL;
  if (!baseURL) throw new Error('ORDERS_API_URL is not set');
  return axios.create({ baseURL, timeout: 5_000 });
}

// @expect no-hardcoded-config
export async function fetchPaypalToken() {
  const res = await fetch('https://api-m.sandbox.paypal.com/v1/oauth2/token', {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(`${process.env.PAYPAL_CLIENT_ID}:${process.env.PAYPAL_SECRET}`).toString('base64')}` },
    body: 'grant_type=client_credentials',
    signal: AbortSignal.timeout(10_000),
  });
  return res.json();
}

// @expect none
export function createGeocoder() {
  const key = process.env.GOOGLE_MAPS_API_KEY;
  return (address: string) =>
    fetch(`https://maps.googleapis.com/maps/api/geocode/json?address=${encodeURIComponent(address)}&key=${key}`, {
      signal: AbortSignal.timeout(5_000),
    });
}

// @expect no-hardcoded-secrets
export function createGeocoderWithKey() {
  return (address: string) =>
    fetch(`https://maps.googleapis.com/maps/api/geocode/json?key=AIzaSyD8k2Lm9Qx4Rt7Vw1Zb3Cd6Fg0Hj5Kl8Mn&address=${encodeURIComponent(address)}`, {
      signal: AbortSignal.timeout(5_000),
    });
}

// @expect none
export function firebaseWebConfig() {
  return {
    apiKey: 'AIzaSyB7k2Lm9Qx4Rt7Vw1Zb3Cd6Fg0Hj5Kl8Mz',
    authDomain: 'acme-shop.firebaseapp.com',
    projectId: 'acme-shop',
    storageBucket: 'acme-shop.appspot.com',
  };
}
