// @corpus-rules no-shared-state-race
// Long-lived services (NestJS providers, module singletons) next to per-request code.
import { Injectable, Scope } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';
import Router from '@koa/router';
import { PrismaClient } from '@prisma/client';
import { WebClient } from '@slack/web-api';
import { google } from 'googleapis';

@Injectable()
export class SalesforceClient {
  private accessToken?: string;
  private tokenExpiresAt = 0;
  private tokenPromise?: Promise<string>;
  private describeCache?: Record<string, unknown>;

  constructor(private readonly http: HttpService) {}

  // @expect no-shared-state-race
  async token() {
    if (!this.accessToken || Date.now() >= this.tokenExpiresAt) {
      const { data } = await firstValueFrom(
        this.http.post('https://login.salesforce.com/services/oauth2/token', new URLSearchParams({ grant_type: 'client_credentials' })),
      );
      this.accessToken = data.access_token;
      this.tokenExpiresAt = Date.now() + 55 * 60_000;
    }
    return this.accessToken;
  }

  // @expect none
  tokenShared() {
    this.tokenPromise ??= firstValueFrom(this.http.post('https://login.salesforce.com/services/oauth2/token', {})).then(
      (r) => r.data.access_token as string,
    );
    return this.tokenPromise;
  }

  // @expect no-shared-state-race
  async describe() {
    if (this.describeCache) return this.describeCache;
    const { data } = await firstValueFrom(this.http.get('/services/data/v60.0/sobjects/Contact/describe'));
    this.describeCache = data;
    return data;
  }
}

@Injectable()
export class SearchIndexService {
  private ready = false;
  private client?: MeiliClient;

  // @expect no-shared-state-race
  async ensureIndex() {
    if (!this.ready) {
      await this.meili().createIndex('candidates', { primaryKey: 'id' });
      await this.meili().index('candidates').updateFilterableAttributes(['stage', 'ownerId']);
      this.ready = true;
    }
  }

  // @expect none
  meili() {
    if (!this.client) this.client = new MeiliClient({ host: process.env.MEILI_HOST!, apiKey: process.env.MEILI_KEY });
    return this.client;
  }
}

@Injectable({ scope: Scope.REQUEST })
export class RequestUserService {
  private user?: { id: string; teamId: string };

  constructor(private readonly prisma: PrismaClient) {}

  // @expect none
  async current(userId: string) {
    if (!this.user) this.user = await this.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    return this.user;
  }
}

class GoogleDirectory {
  private auth?: InstanceType<typeof google.auth.GoogleAuth>;
  private groups = new Map<string, string[]>();

  // @expect no-shared-state-race
  async members(groupKey: string) {
    const cached = this.groups.get(groupKey);
    if (cached) return cached;
    const res = await google.admin('directory_v1').members.list({ groupKey, auth: this.authClient() });
    const emails = (res.data.members ?? []).map((m) => m.email!);
    this.groups.set(groupKey, emails);
    return emails;
  }

  // @expect none
  authClient() {
    this.auth ??= new google.auth.GoogleAuth({ scopes: ['https://www.googleapis.com/auth/admin.directory.group.readonly'] });
    return this.auth;
  }
}
export const directory = new GoogleDirectory();

export class SlackNotifier {
  static client?: WebClient;
  static channelId?: string;

  // @expect no-shared-state-race
  static async channel() {
    if (!this.channelId) {
      const res = await (this.client ??= new WebClient(process.env.SLACK_TOKEN)).conversations.list({ limit: 1000 });
      this.channelId = res.channels?.find((c) => c.name === 'alerts')?.id;
    }
    return this.channelId;
  }
}

declare global {
  var prismaGlobal: PrismaClient | undefined;
  var warmedUp: boolean | undefined;
}

// @expect none
export function getPrisma() {
  if (!globalThis.prismaGlobal) globalThis.prismaGlobal = new PrismaClient();
  return globalThis.prismaGlobal;
}

// @expect no-shared-state-race
export async function warmUp() {
  if (!globalThis.warmedUp) {
    await getPrisma().$connect();
    globalThis.warmedUp = true;
  }
}

export const hubspot = {
  portalId: undefined as string | undefined,

  // @expect no-shared-state-race
  async portal() {
    if (!this.portalId) {
      const res = await fetch('https://api.hubapi.com/account-info/v3/details', {
        headers: { authorization: `Bearer ${process.env.HUBSPOT_TOKEN}` },
        signal: AbortSignal.timeout(5000),
      });
      this.portalId = String(((await res.json()) as { portalId: number }).portalId);
    }
    return this.portalId;
  },
};

export const router = new Router();

// @expect none
router.get('/candidates/:id', async (ctx) => {
  if (!ctx.params.id) ctx.throw(400, 'id required');
  const candidate = await getPrisma().candidate.findUnique({ where: { id: ctx.params.id } });
  if (!candidate) {
    ctx.status = 404;
    return;
  }
  ctx.body = candidate;
  ctx.status = 200;
});

// @expect none
router.post('/imports', async (ctx) => {
  let job = ctx.state.job as { id: string } | undefined;
  if (!job) {
    job = await getPrisma().importJob.create({ data: { status: 'queued' } });
    ctx.state.job = job;
  }
  ctx.body = job;
});

export class CsvExport {
  private rows?: string[][];

  constructor(private readonly teamId: string) {}

  // @expect none
  async load() {
    if (!this.rows) this.rows = (await getPrisma().candidate.findMany({ where: { teamId: this.teamId } })).map((c) => [c.id, c.name]);
    return this.rows;
  }
}
