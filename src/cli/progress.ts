import { BroadcastChannel } from 'node:worker_threads';

import type { ESLint, Rule } from 'eslint';

/**
 * Progress for long runs. ESLint lints in the main thread or in worker threads and has no
 * progress hook, so a tiny rule, enabled only when a progress line is shown, announces each
 * finished file on a BroadcastChannel, which reaches the main thread from any worker.
 */
const CHANNEL_NAME = 'prodguard-cli-progress';
export const PROGRESS_PLUGIN_NAME = 'prodguard-cli';
export const PROGRESS_RULE_ID = `${PROGRESS_PLUGIN_NAME}/progress`;

let sender: BroadcastChannel | undefined;

const progressRule: Rule.RuleModule = {
  meta: {
    type: 'suggestion',
    schema: [],
    docs: { description: 'Counts finished files for the progress line of the prodguard command' },
  },
  create() {
    return {
      'Program:exit'() {
        if (!sender) {
          sender = new BroadcastChannel(CHANNEL_NAME);
          // Never keep a worker thread alive just for this channel.
          (sender as unknown as { unref(): void }).unref();
        }
        sender.postMessage(1);
      },
    };
  },
};

export const progressPlugin: ESLint.Plugin = {
  meta: { name: PROGRESS_PLUGIN_NAME },
  rules: { progress: progressRule },
};

export interface ProgressStream {
  write(text: string): unknown;
}

/**
 * Draws `prodguard: 120/800 files` on one terminal line, starting only once a run has taken
 * `delayMs`, and erases it when the run ends so the report starts on a clean line.
 */
export class ProgressLine {
  private done = 0;
  private total: number | undefined;
  private shown = '';
  private readonly receiver = new BroadcastChannel(CHANNEL_NAME);
  private readonly timer: NodeJS.Timeout;
  private readonly startedAt = Date.now();

  constructor(
    private readonly stream: ProgressStream,
    private readonly delayMs = 500,
  ) {
    this.receiver.onmessage = () => {
      this.done++;
    };
    this.timer = setInterval(() => this.draw(), 100);
  }

  setTotal(total: number | undefined): void {
    this.total = total;
  }

  stop(): void {
    clearInterval(this.timer);
    this.receiver.close();
    if (this.shown !== '') this.stream.write('\r\x1b[2K');
  }

  private draw(): void {
    if (Date.now() - this.startedAt < this.delayMs) return;
    const total = this.total === undefined ? '' : `/${Math.max(this.total, this.done)}`;
    const text = `prodguard: ${this.done}${total} files`;
    if (text === this.shown) return;
    this.stream.write(`\r\x1b[2K${text}`);
    this.shown = text;
  }
}
