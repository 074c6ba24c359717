// @corpus-rules no-shared-state-race
// Queue producers, SDK clients and caches of a worker process.
import { Kafka, type Producer } from 'kafkajs';
import { Service } from 'typedi';
import { google, type sheets_v4 } from 'googleapis';
import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { Injectable } from '@nestjs/common';

const kafka = new Kafka({ clientId: 'billing-worker', brokers: [process.env.KAFKA_BROKER!] });
const secrets = new SecretsManagerClient({});
let producer: Producer | undefined;
let producerReady: Promise<Producer> | undefined;
const secretCache: Record<string, string> = {};

// @expect no-shared-state-race
export async function getProducer() {
  if (!producer) {
    const p = kafka.producer();
    await p.connect();
    producer = p;
  }
  return producer;
}

// @expect none
export function getProducerOnce() {
  producerReady ??= (async () => {
    const p = kafka.producer();
    await p.connect();
    return p;
  })();
  return producerReady;
}

// @expect no-shared-state-race
export async function secret(name: string) {
  if (!(name in secretCache)) {
    const out = await secrets.send(new GetSecretValueCommand({ SecretId: name }));
    secretCache[name] = out.SecretString ?? '';
  }
  return secretCache[name];
}

@Service()
export class SheetsExporter {
  private sheets?: sheets_v4.Sheets;
  private headerWritten = false;

  // @expect no-shared-state-race
  async client() {
    if (!this.sheets) {
      const auth = await google.auth.getClient({ scopes: ['https://www.googleapis.com/auth/spreadsheets'] });
      this.sheets = google.sheets({ version: 'v4', auth });
    }
    return this.sheets;
  }

  // @expect no-shared-state-race
  async writeHeader(spreadsheetId: string) {
    if (this.headerWritten) return;
    const sheets = await this.client();
    await sheets.spreadsheets.values.update({
      spreadsheetId,
      range: 'A1:C1',
      valueInputOption: 'RAW',
      requestBody: { values: [['id', 'email', 'plan']] },
    });
    this.headerWritten = true;
  }

  // @expect none
  async append(spreadsheetId: string, rows: string[][]) {
    const sheets = await this.client();
    const res = await sheets.spreadsheets.values.append({ spreadsheetId, range: 'A:C', valueInputOption: 'RAW', requestBody: { values: rows } });
    return res.data.updates?.updatedRows ?? 0;
  }
}

@Injectable()
export class RateLimiter {
  private windowStart = 0;
  private count = 0;

  // @expect none
  async hit(limit: number) {
    const now = Date.now();
    if (now - this.windowStart > 60_000) {
      this.windowStart = now;
      this.count = 0;
    }
    this.count += 1;
    await Promise.resolve();
    return this.count <= limit;
  }
}
