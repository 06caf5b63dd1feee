import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

/*
 * Under `lodestar start --workers N` every connection goes to one worker, so a scrape would see one
 * worker's counters, a different one each time. The worker that takes the scrape asks the primary, which
 * collects every worker's registry (prom-client's AggregatorRegistry, over the cluster's IPC) and answers
 * the sum: one scrape, the whole machine.
 */

const ASK = 'lodestar:metrics-request';
const ANSWER = 'lodestar:metrics-answer';
const WAIT_MS = 6000;

interface Answer {
  type: typeof ANSWER;
  id: number;
  text?: string;
  error?: string;
}

/** Whether this process is a worker of `lodestar start --workers N`. */
export const inClusterWorker = () => cluster.isWorker && typeof process.send === 'function';

/** In the primary: answers workers' requests with every worker's metrics, aggregated. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: { type?: string; id?: number }) => {
    if (message?.type !== ASK) return;
    const reply = (answer: Omit<Answer, 'type' | 'id'>) => {
      if (worker.isConnected()) worker.send({ type: ANSWER, id: message.id, ...answer });
    };
    aggregator.clusterMetrics().then(
      (text) => reply({ text }),
      (error: Error) => reply({ error: error.message }),
    );
  });
}

let asked = 0;
const waiting = new Map<number, (answer: Answer) => void>();

/** In a worker: offers `registry` to the primary's aggregation and returns a reader of the aggregate. */
export function clusterMetricsReader(registry: Registry): () => Promise<string> {
  // prom-client answers the primary's requests only once an AggregatorRegistry exists in the worker too.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
  process.on('message', (message: Partial<Answer>) => {
    if (message?.type === ANSWER && typeof message.id === 'number') waiting.get(message.id)?.(message as Answer);
  });
  return () =>
    new Promise<string>((resolve, reject) => {
      const id = ++asked;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error('the primary did not answer with the workers’ metrics'));
      }, WAIT_MS);
      waiting.set(id, (answer) => {
        clearTimeout(timer);
        waiting.delete(id);
        if (answer.text !== undefined) resolve(answer.text);
        else reject(new Error(answer.error ?? 'no metrics'));
      });
      process.send!({ type: ASK, id });
    });
}
